package dev.leverans.klarna;

import dev.leverans.merchants.Merchant;
import dev.leverans.http.RequestBodies;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last N Klarna requests per merchant, in memory, so a merchant can see what Klarna really
 * sends: time, method, path, body with personal data masked, status answered and time taken.
 * Headers are never kept (they carry the token). Country, postal code and city stay readable.
 */
public final class CapturedRequests {
    private static final String MERCHANT = "leverans.klarna.merchant";
    private static final String STARTED = "leverans.klarna.started";
    static final String MASK = "***";
    // Names, contact details, street lines, and what a shopper types into an add-on (a door code).
    private static final Set<String> PERSONAL = Set.of("given_name", "family_name", "email", "phone", "street_address",
            "street_address2", "care_of", "company_name", "organization_name", "attention", "title", "date_of_birth",
            "national_identification_number", "text", "user_input", "nonce", "digest");
    private static final int MAX_KEPT_BODY_BYTES = 64 * 1024;

    /** One captured request; {@code body} is the masked JSON, or null with a {@code note}. */
    public record Captured(Instant at, String method, String path, int status, double durationMillis, byte[] body, String note) {}

    private final int capacity;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Ring> byMerchant = new ConcurrentHashMap<>();

    public CapturedRequests(int capacity, ObjectMapper json, Clock clock) {
        this.capacity = capacity;
        this.json = json;
        this.clock = clock;
    }

    public int capacity() { return capacity; }

    /** Marks the request as the merchant's, so it is captured once answered; its time counts from here. */
    public static void belongsTo(Context ctx, Merchant merchant) {
        ctx.attribute(MERCHANT, merchant.id());
        ctx.attribute(STARTED, System.nanoTime());
    }

    /**
     * An after-handler: keeps the request if a Klarna callback attributed it to a merchant. It runs
     * once the status is final but before the answer is sent, so a capture is visible to the next request.
     */
    public void record(Context ctx) {
        String merchantId = ctx.attribute(MERCHANT);
        if (capacity == 0 || merchantId == null) return;
        long started = ctx.attribute(STARTED);
        double millis = (System.nanoTime() - started) / 1e6;
        JsonNode body = ctx.attribute(RequestBodies.BODY);
        byte[] kept = null;
        String note = null;
        if (body != null) {
            kept = json.writeValueAsBytes(mask(body));
            if (kept.length > MAX_KEPT_BODY_BYTES) {
                note = "body of " + kept.length + " bytes not kept (over " + MAX_KEPT_BODY_BYTES + ")";
                kept = null;
            }
        } else if (ctx.contentLength() > 0) {
            note = "body of " + ctx.contentLength() + " bytes was not JSON";
        }
        byMerchant.computeIfAbsent(merchantId, id -> new Ring(capacity))
                .add(new Captured(clock.instant(), ctx.method().name(), ctx.path(), ctx.statusCode(), millis, kept, note));
    }

    /** Up to {@code limit} of the merchant's captured requests, newest first. */
    public List<Captured> newest(String merchantId, int limit) {
        Ring ring = byMerchant.get(merchantId);
        return ring == null ? List.of() : ring.newest(limit);
    }

    /** Masks personal values in place (the request is answered; nothing else reads the tree). */
    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> personal = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (!PERSONAL.contains(field.getKey())) {
                    mask(value);
                } else if (!value.isNull() && !(value.isString() && value.asString().isEmpty())) {
                    personal.add(field.getKey());
                }
            }
            for (String name : personal) object.put(name, MASK);
        } else if (node.isArray()) {
            for (JsonNode item : node) mask(item);
        }
        return node;
    }

    /** A fixed-size ring, written without locks: the options call is the hot path. */
    private static final class Ring {
        private final AtomicReferenceArray<Captured> slots;
        private final AtomicLong written = new AtomicLong();

        Ring(int size) {
            slots = new AtomicReferenceArray<>(size);
        }

        void add(Captured c) {
            slots.set((int) (written.getAndIncrement() % slots.length()), c);
        }

        List<Captured> newest(int limit) {
            long end = written.get();
            List<Captured> out = new ArrayList<>(Math.min(limit, slots.length()));
            for (long i = end - 1; i >= Math.max(0, end - slots.length()) && out.size() < limit; i--) {
                Captured c = slots.get((int) (i % slots.length()));
                if (c != null) out.add(c);
            }
            return out;
        }
    }
}
