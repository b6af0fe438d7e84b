package dev.leverans.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Request ids and the access log. Every request gets an id ({@code X-Request-Id} from the request
 * when it is a plausible id, else a new one), answered in {@code X-Request-Id} and put into every
 * log line of the request; after the answer, one access line: method, route, status, duration
 * (merchant, request id and client address come with the line's context).
 */
public final class AccessLog {
    public static final String HEADER = "X-Request-Id";
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.leverans.access");
    private static final int MAX_ID_LENGTH = 128;

    private final boolean enabled;
    private final ClientOrigin.Resolver origins;

    public AccessLog(boolean enabled, ClientOrigin.Resolver origins) {
        this.enabled = enabled;
        this.origins = origins;
    }

    /** A before-handler: names the request and where it came from (an IP literal, so safe to log). */
    public void begin(Context ctx) {
        String id = ctx.header(HEADER);
        if (!plausible(id)) id = newId();
        MDC.put("request_id", id);
        MDC.put("client", origins.resolve(ctx).address());
        ctx.header(HEADER, id);
    }

    /** The request logger: writes the access line and forgets the request's context. */
    public void end(Context ctx, float millis) {
        try {
            if (enabled) {
                Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                ACCESS.info("{} {} {} {} ms", ctx.method().name(), endpoint == null ? "-" : endpoint.path, ctx.statusCode(),
                        Math.round(millis * 10) / 10.0);
            }
        } finally {
            MDC.clear();
        }
    }

    /**
     * A random id in UUID form. Not a secret, so ThreadLocalRandom: UUID.randomUUID() takes a
     * SecureRandom lock that every request thread would contend on.
     */
    static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** Every log line of this request names the merchant from here on. */
    public static void merchant(String merchantId) {
        MDC.put("merchant", merchantId);
    }

    /** Printable ASCII without spaces, at most 128 characters: anything else could forge a log line. */
    static boolean plausible(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 0x7f) return false;
        }
        return true;
    }
}
