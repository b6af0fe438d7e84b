package dev.leverans.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Klarna Order Management v1 that enforces Klarna's rules and error bodies: status
 * transitions, amount limits, line sums, fraud status, idempotency-key replay, Basic auth, and
 * 429 / 5xx / lost answers on demand. Loopback only.
 */
public final class FakeKlarnaOm implements AutoCloseable {
    public static final String USERNAME = "demo-klarna-username";
    public static final String PASSWORD = "demo-klarna-password";
    private static final Pattern PATH = Pattern.compile("^/ordermanagement/v1/orders/([^/]+)(/.*)?$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Request(String method, String path, String idempotencyKey, JsonNode body) {}

    private record Answer(int status, Map<String, String> headers, String body) {}

    public static final class Order {
        public String status = "AUTHORIZED";
        public String fraudStatus = "ACCEPTED";
        public long orderAmount;
        public long captured;
        public long refunded;
        public JsonNode lines;
        public final List<Map<String, Object>> captures = new ArrayList<>();
        public final List<Map<String, Object>> refunds = new ArrayList<>();
    }

    private final HttpServer server;
    private final Map<String, Order> orders = new HashMap<>();
    private final Map<String, Answer> idempotent = new HashMap<>();
    private final Map<String, Deque<Integer>> failures = new HashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private int loseAnswers;
    private volatile long delayMillis;
    private boolean unreachable;

    public FakeKlarnaOm() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // Concurrent calls are answered concurrently (a slow answer does not hold up the others), as Klarna's are.
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    public synchronized Order createOrder(String id, long amount) {
        Order o = new Order();
        o.orderAmount = amount;
        orders.put(id, o);
        return o;
    }

    public synchronized Order order(String id) { return orders.get(id); }

    /** A capture made by the merchant in Klarna's portal, which the shop never heard of. */
    public synchronized String captureInPortal(String orderId, long amount) {
        Order o = orders.get(orderId);
        String id = "portal-" + UUID.randomUUID();
        o.captures.add(new LinkedHashMap<>(Map.of("capture_id", id, "captured_amount", amount)));
        o.captured += amount;
        o.status = o.captured == o.orderAmount ? "CAPTURED" : "PART_CAPTURED";
        return id;
    }

    /**
     * The next requests whose path ends with {@code pathSuffix} answer these HTTP statuses (429, 500,
     * 503 ...) with Klarna error bodies, without doing anything.
     */
    public synchronized void failNext(String pathSuffix, Integer... statuses) {
        failures.computeIfAbsent(pathSuffix, k -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** The next n successful state-changing answers (new or replayed) are lost: the caller gets 503. */
    public synchronized void loseAnswers(int n) { loseAnswers = n; }

    /** Every answer is delayed this long (a slow Klarna). */
    public void delay(long millis) { delayMillis = millis; }

    /** State-changing calls are not answered at all (connection closed) until switched back. */
    public synchronized void unreachable(boolean value) { unreachable = value; }

    public List<Request> requests() { return List.copyOf(requests); }

    public List<Request> requests(String method, String pathSuffix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String key = ex.getRequestHeaders().getFirst("Klarna-Idempotency-Key");
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        requests.add(new Request(method, path, key, body));
        Answer answer;
        synchronized (this) {
            if (!method.equals("GET") && unreachable) {
                ex.close();
                return;
            }
            answer = answer(ex, method, path, key, body);
        }
        byte[] out = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (out.length > 0) ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) ex.getResponseBody().write(out);
        ex.close();
    }

    private Answer answer(HttpExchange ex, String method, String path, String key, JsonNode body) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) return error(401, "UNAUTHORIZED", "Bad credentials");
        for (var failure : failures.entrySet()) {
            if (path.endsWith(failure.getKey()) && !failure.getValue().isEmpty()) {
                int status = failure.getValue().poll();
                return error(status, status == 429 ? "TOO_MANY_REQUESTS" : status == 403 ? "NOT_ALLOWED" : "INTERNAL_ERROR",
                        "Injected failure");
            }
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !orders.containsKey(m.group(1))) return error(404, "NO_SUCH_ORDER", "Order not found");
        Order o = orders.get(m.group(1));
        String action = m.group(2) == null ? "" : m.group(2);
        if (method.equals("GET") && action.isEmpty()) return new Answer(200, Map.of(), JSON.writeValueAsString(view(o)));
        if (method.equals("GET") && action.startsWith("/captures/")) return capture(o, action.substring("/captures/".length()));
        if (key == null) return error(400, "BAD_VALUE", "Klarna-Idempotency-Key is required by this fake");
        Answer answer = idempotent.containsKey(key) ? idempotent.get(key) : change(o, m.group(1), method, action, body);
        if (answer.status() < 300) idempotent.put(key, answer);
        if (answer.status() < 300 && loseAnswers > 0) {
            loseAnswers--;
            return error(503, "SERVICE_UNAVAILABLE", "Answer lost");
        }
        return answer;
    }

    private Answer change(Order o, String orderId, String method, String action, JsonNode body) {
        if (method.equals("POST") && action.equals("/captures")) {
            if (!o.fraudStatus.equals("ACCEPTED")) return error(403, "CAPTURE_NOT_ALLOWED", "Order is not accepted");
            if (!o.status.equals("AUTHORIZED") && !o.status.equals("PART_CAPTURED")) return error(403, "CAPTURE_NOT_ALLOWED", "Order is " + o.status);
            long amount = body.path("captured_amount").asLong();
            if (amount <= 0 || amount > o.orderAmount - o.captured) return error(403, "CAPTURE_NOT_ALLOWED", "Captured amount is higher than the remaining authorized amount");
            if (body.has("order_lines") && sum(body.get("order_lines")) != amount) return error(400, "BAD_VALUE", "Order line totals do not match captured_amount");
            String id = UUID.randomUUID().toString();
            Map<String, Object> capture = new LinkedHashMap<>(Map.of("capture_id", id, "captured_amount", amount,
                    "klarna_reference", "INV-" + orderId + "-" + (o.captures.size() + 1)));
            capture.put("request", body);
            capture.put("shipping_info", new ArrayList<>(body.has("shipping_info") ? List.of(body.get("shipping_info")) : List.of()));
            o.captures.add(capture);
            o.captured += amount;
            o.status = o.captured == o.orderAmount ? "CAPTURED" : "PART_CAPTURED";
            return new Answer(201, Map.of("Capture-Id", id, "Location", "/ordermanagement/v1/orders/" + orderId + "/captures/" + id), null);
        }
        if (method.equals("POST") && action.matches("/captures/[^/]+/shipping-info")) {
            String captureId = action.split("/")[2];
            for (Map<String, Object> c : o.captures) {
                if (c.get("capture_id").equals(captureId)) {
                    @SuppressWarnings("unchecked") List<Object> info = (List<Object>) c.get("shipping_info");
                    info.add(body.get("shipping_info"));
                    return new Answer(204, Map.of(), null);
                }
            }
            return error(404, "NO_SUCH_CAPTURE", "Capture not found");
        }
        if (method.equals("POST") && action.equals("/cancel")) {
            if (o.captured > 0) return error(403, "CANCEL_NOT_ALLOWED", "Order has captures");
            if (!o.status.equals("AUTHORIZED")) return error(403, "CANCEL_NOT_ALLOWED", "Order is " + o.status);
            o.status = "CANCELLED";
            return new Answer(204, Map.of(), null);
        }
        if (method.equals("PATCH") && action.equals("/authorization")) {
            long amount = body.path("order_amount").asLong();
            if (o.captured > 0 || !o.status.equals("AUTHORIZED")) return error(403, "NOT_ALLOWED", "Order cannot be updated");
            if (amount > o.orderAmount) return error(403, "NOT_ALLOWED", "Cannot increase the order amount");
            if (sum(body.get("order_lines")) != amount) return error(400, "BAD_VALUE", "Order line totals do not match order_amount");
            o.orderAmount = amount;
            o.lines = body.get("order_lines");
            return new Answer(204, Map.of(), null);
        }
        if (method.equals("POST") && action.equals("/refunds")) {
            long amount = body.path("refunded_amount").asLong();
            if (amount <= 0 || amount > o.captured - o.refunded) return error(403, "REFUND_NOT_ALLOWED", "Refunded amount is higher than the captured amount");
            if (body.has("order_lines") && sum(body.get("order_lines")) != amount) return error(400, "BAD_VALUE", "Order line totals do not match refunded_amount");
            String id = UUID.randomUUID().toString();
            o.refunds.add(new LinkedHashMap<>(Map.of("refund_id", id, "refunded_amount", amount, "request", body)));
            o.refunded += amount;
            return new Answer(201, Map.of("Refund-Id", id), null);
        }
        return error(404, "NOT_FOUND", "No such operation");
    }

    private static Answer capture(Order o, String captureId) {
        for (Map<String, Object> c : o.captures) {
            if (c.get("capture_id").equals(captureId)) {
                Map<String, Object> v = new LinkedHashMap<>(c);
                v.remove("request");
                return new Answer(200, Map.of(), JSON.writeValueAsString(v));
            }
        }
        return error(404, "NO_SUCH_CAPTURE", "Capture not found");
    }

    private static Map<String, Object> view(Order o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", o.status);
        v.put("fraud_status", o.fraudStatus);
        v.put("order_amount", o.orderAmount);
        v.put("captured_amount", o.captured);
        v.put("refunded_amount", o.refunded);
        v.put("remaining_authorized_amount", o.status.equals("CANCELLED") ? 0 : o.orderAmount - o.captured);
        v.put("captures", o.captures.stream().map(c -> Map.of("capture_id", c.get("capture_id"), "captured_amount", c.get("captured_amount"))).toList());
        return v;
    }

    private static long sum(JsonNode lines) {
        long total = 0;
        for (JsonNode l : lines) total += l.path("total_amount").asLong();
        return total;
    }

    private static Answer error(int status, String code, String message) {
        String body = JSON.writeValueAsString(Map.of("error_code", code, "error_messages", List.of(message),
                "correlation_id", UUID.randomUUID().toString()));
        return new Answer(status, Map.of(), body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
