package dev.leverans.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes JSON answers. Klarna asks for vendor media types ({@code application/vdn.klarna.shipping.…+json},
 * sic); when the request's Accept names one, the answer carries it, otherwise application/json.
 */
public final class JsonResponses {
    private static final String[] VENDOR_PREFIXES = {"application/vdn.klarna.shipping.", "application/vnd.klarna.shipping."};

    private final ObjectMapper json;

    public JsonResponses(ObjectMapper json) {
        this.json = json;
    }

    public void send(Context ctx, int status, Object body) {
        sendJson(ctx, status, json.writeValueAsBytes(body));
    }

    /** Sends a body already rendered as JSON. */
    public void sendJson(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(contentType(ctx.header("Accept"))).result(body);
    }

    public void failure(Context ctx, int status, String reason) {
        send(ctx, status, Map.of("failure_reason", reason));
    }

    static String contentType(String accept) {
        if (accept != null) {
            for (String part : accept.split(",")) {
                String media = part.split(";", 2)[0].trim();
                String lower = media.toLowerCase(Locale.ROOT);
                for (String prefix : VENDOR_PREFIXES) if (lower.startsWith(prefix) && lower.endsWith("+json")) return media;
            }
        }
        return "application/json";
    }
}
