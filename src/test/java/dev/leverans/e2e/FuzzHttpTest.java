package dev.leverans.e2e;

import static dev.leverans.support.Klarna.fixture;
import static dev.leverans.support.Klarna.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.DemoConfig;
import dev.leverans.support.FakeKlarnaOm;
import dev.leverans.support.TestServer;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * 10,000 generated bodies (wrong types, huge numbers, deep nesting, invalid UTF-8, lone surrogates,
 * truncations) against every POST and PUT endpoint, from a fixed seed so a failure repeats: never a
 * 5xx (a 502 only as Klarna's refusal, which the fake Klarna gives), and the server lives on.
 */
class FuzzHttpTest {
    private static final long SEED = 20261202L;
    private static final int BODIES = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] HOSTILE = {"1E+308", "-1E+308", "18446744073709551616", "-9223372036854775809", "0", "-1",
            "1.5", "\"\"", "\"x\"", "null", "true", "[]", "{}", "\"\\ud800\"", "\"\\udfff x\"", "\"a\\u0000b\"",
            "1" + "0".repeat(1200), "\"" + "é".repeat(3000) + "\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "\"../../../payments\"", "\"\\r\\n2026-01-01 ERROR forged\""};

    private record Target(String method, String path, String auth, JsonNode template) {}

    @Test
    void generatedBodiesNeverGetA5xxAndTheServerStaysUp() throws Exception {
        try (FakeKlarnaOm klarna = new FakeKlarnaOm(); TestServer ignored = new TestServer(Map.of("KLARNA_OM_BASE_URL", klarna.baseUrl()))) {
            String base = "http://127.0.0.1:" + RestAssured.port;
            String bearer = "Bearer " + token("demo", "demo-secret");
            klarna.createOrder("K-fuzz", 10000);
            List<Target> targets = targets(bearer);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            send(http, base, targets.get(6), JSON.writeValueAsBytes(targets.get(6).template())); // register SO-fuzz
            String shipment = JSON.readTree(send(http, base, targets.get(3), JSON.writeValueAsBytes(targets.get(3).template())).body())
                    .path("shipment_id").asString();
            targets = withShipment(targets, shipment);
            Random random = new Random(SEED);
            List<String> failures = new ArrayList<>();
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (int i = 0; i < BODIES; i++) {
                Target t = targets.get(random.nextInt(targets.size()));
                byte[] body = mutate(t.template(), random);
                HttpResponse<String> r = send(http, base, t, body);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                boolean klarnasRefusal = r.statusCode() == 502 && r.body().contains("Klarna");
                if (r.statusCode() >= 500 && !klarnasRefusal && failures.size() < 5) {
                    failures.add(i + " " + t.method() + " " + t.path() + " -> " + r.statusCode() + " " + r.body()
                            + " for " + new String(body, StandardCharsets.UTF_8).substring(0, Math.min(300, body.length)));
                }
            }
            assertEquals(List.of(), failures, "statuses: " + statuses);
            assertTrue(statuses.getOrDefault(400, 0) > BODIES / 4 && statuses.getOrDefault(200, 0) > BODIES / 20,
                    "the bodies reach both the refusals and the handlers: " + statuses);
            System.out.println("fuzz statuses: " + statuses);
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, send(http, base, targets.get(1), JSON.writeValueAsBytes(targets.get(1).template())).statusCode());
        }
    }

    private static HttpResponse<String> send(HttpClient http, String base, Target t, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + t.path())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(t.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        if (t.auth() != null) b.header(t.auth().startsWith("Bearer") ? "Authorization" : "X-Api-Key", t.auth());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Target> targets(String bearer) {
        String key = "demo-merchant-api-key";
        JsonNode options = JSON.valueToTree(fixture("options-full-recipient"));
        JsonNode select = JSON.valueToTree(fixture("select-addons-data"));
        JsonNode line = JSON.valueToTree(Map.of("type", "physical", "reference", "SKU", "name", "Boots", "quantity", 1,
                "unit_price", 10000, "tax_rate", 2500, "total_amount", 10000, "total_discount_amount", 0, "total_tax_amount", 2000));
        ObjectNode register = JSON.createObjectNode().put("shop_order_id", "SO-fuzz").put("klarna_order_id", "K-fuzz")
                .put("currency", "SEK").put("order_amount", 10000);
        register.putArray("order_lines").add(line);
        ObjectNode lines = JSON.createObjectNode().put("order_amount", 10000);
        lines.putArray("order_lines").add(line);
        ObjectNode refund = JSON.createObjectNode().put("type", "lines");
        ((ArrayNode) refund.putArray("order_lines")).add(line);
        refund.putObject("return_fee").put("name", "Fee").put("amount", 100).put("tax_rate", 2500);
        return List.of(
                new Target("POST", "/ksa/auth", null, JSON.readTree("{\"identifier\": \"demo\", \"secret\": {\"nonce\": \"n\", "
                        + "\"digest\": \"" + "a".repeat(64) + "\"}}")),
                new Target("POST", "/ksa/shipping_options", bearer, options),
                new Target("POST", "/ksa/shippingoptions", bearer, options),
                new Target("POST", "/ksa/shipment", bearer, select),
                new Target("PUT", "/ksa/shipment/{shipment}", bearer, select),
                new Target("POST", "/merchant/shipments/{shipment}/booking", key,
                        JSON.readTree("{\"status\": \"booked\", \"tracking_number\": \"T1\", \"tracking_url\": \"https://t.example/1\"}")),
                new Target("POST", "/om/orders", key, register),
                new Target("POST", "/om/orders/SO-fuzz/status", key, JSON.readTree("{\"status\": \"on_hold\", \"restock\": false}")),
                new Target("PUT", "/om/orders/SO-fuzz/lines", key, lines),
                new Target("POST", "/om/orders/SO-fuzz/refunds", key, refund),
                new Target("POST", "/om/orders/SO-fuzz/tracking", key, JSON.readTree("{\"tracking_number\": \"T1\"}")),
                new Target("POST", "/merchant/preview", key, JSON.createObjectNode().put("at", "2026-12-02T10:00:00Z").set("request", options)),
                new Target("PUT", "/merchant/config/test-carts/fuzz", key, JSON.createObjectNode().set("request", options)),
                new Target("POST", "/merchant/config/versions", key, demoRuleTable()),
                new Target("POST", "/merchant/config/versions/1/activate", key, JSON.readTree("{\"accept_changes\": false}")));
    }

    /** The demo merchant's rule table as a JSON configuration version. */
    private static JsonNode demoRuleTable() {
        ObjectNode file = (ObjectNode) YAMLMapper.builder().build().readTree(DemoConfig.MERCHANTS.resolve("demo.yaml").toFile());
        ObjectNode version = JSON.createObjectNode();
        for (String key : List.of("currencies", "tax_rates", "default_tax_rate", "warehouse", "preselection", "options", "default_option")) {
            version.set(key, file.get(key));
        }
        return version;
    }

    private static List<Target> withShipment(List<Target> targets, String shipment) {
        return targets.stream().map(t -> new Target(t.method(), t.path().replace("{shipment}", shipment), t.auth(), t.template())).toList();
    }

    /** One of: a field replaced by a hostile value, a truncation, invalid UTF-8, deep nesting, or raw noise. */
    private static byte[] mutate(JsonNode template, Random random) {
        String text = JSON.writeValueAsString(template);
        return switch (random.nextInt(10)) {
            case 0 -> text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            case 1 -> withInvalidUtf8(text.getBytes(StandardCharsets.UTF_8), random);
            case 2 -> ("{\"a\":" + "[".repeat(10 + random.nextInt(60)) + "]".repeat(10) + "}").getBytes(StandardCharsets.UTF_8);
            case 3 -> noise(random);
            default -> replaceValue(text, random).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Replaces the value after a random ':' (a field's value) with a hostile one; sometimes several times. */
    private static String replaceValue(String text, Random random) {
        String out = text;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<Integer> colons = new ArrayList<>();
            boolean inString = false;
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                if (c == '"' && (i == 0 || out.charAt(i - 1) != '\\')) inString = !inString;
                if (c == ':' && !inString) colons.add(i);
            }
            if (colons.isEmpty()) return out;
            int at = colons.get(random.nextInt(colons.size())) + 1;
            int end = valueEnd(out, at);
            out = out.substring(0, at) + HOSTILE[random.nextInt(HOSTILE.length)] + out.substring(end);
        }
        return out;
    }

    /** Where the JSON value starting at {@code from} ends (naively: strings and brackets balanced). */
    private static int valueEnd(String s, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') {
                if (depth == 0) return i;
                depth--;
            } else if (c == ',' && depth == 0) return i;
        }
        return s.length();
    }

    private static byte[] withInvalidUtf8(byte[] body, Random random) {
        byte[] out = body.clone();
        int at = random.nextInt(out.length);
        out[at] = (byte) (0x80 + random.nextInt(0x40));
        return out;
    }

    private static byte[] noise(Random random) {
        byte[] out = new byte[random.nextInt(200)];
        random.nextBytes(out);
        return out;
    }

    @Test
    void theMutationsAreRepeatable() {
        JsonNode template = JSON.valueToTree(fixture("options-full-recipient"));
        assertTrue(java.util.Arrays.equals(mutate(template, new Random(7)), mutate(template, new Random(7))));
    }
}
