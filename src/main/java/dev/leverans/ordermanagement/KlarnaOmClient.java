package dev.leverans.ordermanagement;

import dev.leverans.merchants.OrderManagementSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Klarna Order Management v1 over java.net.http: HTTP Basic, a {@code Klarna-Idempotency-Key} on
 * every state-changing call, and retries with exponential backoff and jitter on timeouts, 5xx and
 * 429 (the same key each time, so a retry never doubles an operation).
 */
public final class KlarnaOmClient {
    private static final String ORDERS = "/ordermanagement/v1/orders/";

    private HttpClient http;
    private final ObjectMapper json;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;

    public KlarnaOmClient(ObjectMapper json, int attempts, Duration backoff, Duration timeout) {
        this.json = json;
        this.attempts = attempts;
        this.backoff = backoff;
        this.timeout = timeout;
    }

    /**
     * Klarna's answer to a successful call: status, the ids from its headers, and for a capture the
     * {@code klarna_reference} Klarna gave it (the invoice number the customer sees), when it could be read.
     */
    public record Answer(int status, Optional<String> captureId, Optional<String> refundId, Optional<String> klarnaReference) {}

    public KlarnaOrder read(OrderManagementSettings c, String orderId) throws KlarnaCallException {
        HttpResponse<String> r = exchange(c, "GET", ORDERS + segment(orderId), null, null);
        return json.readValue(r.body(), KlarnaOrder.class);
    }

    public Answer send(OrderManagementSettings c, String orderId, OutboxEntry e) throws KlarnaCallException {
        HttpResponse<String> r = exchange(c, e.operation().method(), ORDERS + segment(orderId) + e.path(), e.body(), e.idempotencyKey());
        Optional<String> captureId = r.headers().firstValue("Capture-Id");
        Optional<String> reference = e.operation() == Operation.CAPTURE ? captureId.flatMap(id -> klarnaReference(c, orderId, id))
                : Optional.empty();
        return new Answer(r.statusCode(), captureId, r.headers().firstValue("Refund-Id"), reference);
    }

    /** The capture's {@code klarna_reference}; empty when Klarna does not tell (the capture itself is done either way). */
    private Optional<String> klarnaReference(OrderManagementSettings c, String orderId, String captureId) {
        try {
            HttpResponse<String> r = exchange(c, "GET", ORDERS + segment(orderId) + "/captures/" + segment(captureId), null, null);
            return Optional.ofNullable(text(json.readTree(r.body()), "klarna_reference"));
        } catch (KlarnaCallException | JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * One path segment, percent-encoded: an id can never climb out of the order's path
     * ({@code ../../payments}) or break the URL.
     */
    static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> exchange(OrderManagementSettings c, String method, String path, String body, String key)
            throws KlarnaCallException {
        KlarnaError last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> r = http().send(request(c, method, path, body, key), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() < 300) return r;
                last = error(r);
                if (r.statusCode() != 429 && r.statusCode() < 500) throw new KlarnaCallException(last, false);
            } catch (IOException e) {
                last = new KlarnaError(0, "NO_ANSWER", List.of("Klarna did not answer: " + e.getClass().getSimpleName()), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KlarnaCallException(new KlarnaError(0, "INTERRUPTED", List.of("interrupted"), null), true);
            }
            if (attempt < attempts) sleep(attempt);
        }
        throw new KlarnaCallException(last, true);
    }

    /** Made at the first call: java.net.http takes a noticeable part of a cold start, and many servers never call Klarna OM. */
    private synchronized HttpClient http() {
        if (http == null) http = HttpClient.newBuilder().connectTimeout(timeout).build();
        return http;
    }

    private HttpRequest request(OrderManagementSettings c, String method, String path, String body, String key) {
        String basic = Base64.getEncoder().encodeToString((c.username() + ":" + new String(c.password().utf8(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c.baseUrl() + path)).timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("User-Agent", "Leverans")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (key != null) b.header("Klarna-Idempotency-Key", key);
        return b.build();
    }

    private KlarnaError error(HttpResponse<String> r) {
        try {
            JsonNode node = json.readTree(r.body());
            List<String> messages = node.path("error_messages").isArray()
                    ? node.path("error_messages").valueStream().map(JsonNode::asString).toList() : List.of();
            return new KlarnaError(r.statusCode(), text(node, "error_code"), messages, text(node, "correlation_id"));
        } catch (JacksonException | IllegalArgumentException notJson) {
            return new KlarnaError(r.statusCode(), null, List.of("HTTP " + r.statusCode()), null);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private void sleep(int attempt) {
        long base = backoff.toMillis() << (attempt - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
