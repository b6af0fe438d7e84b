package dev.leverans.ordermanagement;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.select;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.FakeKlarnaOm;
import dev.leverans.support.TestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class OrderManagementHttpTest {
    public static final Map<String, Object> BOOTS = line("physical", "SKU-BOOTS", "Boots", 1, 129900, 2500, 25980);
    public static final Map<String, Object> SHIPPING = line("shipping_fee", "SHIPPING", "PostNord service point", 1, 4900, 2500, 980);
    static final Map<String, Object> BOOK = line("physical", "SKU-BOOK", "Book", 1, 29900, 600, 1692);
    public static final long TOTAL = 134800;

    private FakeKlarnaOm klarna;
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        klarna = new FakeKlarnaOm();
        server = new TestServer(Map.of("KLARNA_OM_BASE_URL", klarna.baseUrl(),
                "LEVERANS_OUTLET_KLARNA_USERNAME", FakeKlarnaOm.USERNAME, "LEVERANS_OUTLET_KLARNA_PASSWORD", FakeKlarnaOm.PASSWORD));
    }

    @AfterAll
    void stop() {
        server.close();
        klarna.close();
    }

    static Map<String, Object> line(String type, String ref, String name, long qty, long unitPrice, int taxRate, long tax) {
        return Map.of("type", type, "reference", ref, "name", name, "quantity", qty, "unit_price", unitPrice,
                "tax_rate", taxRate, "total_amount", qty * unitPrice, "total_discount_amount", 0, "total_tax_amount", tax);
    }

    static RequestSpecification shop() {
        return given().contentType(ContentType.JSON).header("X-Api-Key", "demo-merchant-api-key");
    }

    /** A Klarna order authorized at the fake and registered as a shop order; returns the shop order id. */
    String registered(List<Map<String, Object>> lines, long total, String tmsReference) {
        String klarnaId = "K-" + UUID.randomUUID();
        klarna.createOrder(klarnaId, total);
        return register("SO-" + UUID.randomUUID(), klarnaId, lines, total, tmsReference).statusCode(201).extract().path("shop_order_id");
    }

    ValidatableResponse register(String shopOrderId, String klarnaId, List<Map<String, Object>> lines, long total, String tms) {
        Map<String, Object> body = new HashMap<>(Map.of("shop_order_id", shopOrderId, "klarna_order_id", klarnaId,
                "currency", "SEK", "order_lines", lines, "order_amount", total));
        if (tms != null) body.put("tms_reference", tms);
        return shop().body(body).post("/om/orders").then();
    }

    String registered() {
        return registered(List.of(BOOTS, SHIPPING), TOTAL, null);
    }

    ValidatableResponse status(String shopOrderId, String status) {
        return shop().body(Map.of("status", status)).post("/om/orders/" + shopOrderId + "/status").then();
    }

    String klarnaId(String shopOrderId) {
        return shop().get("/om/orders/" + shopOrderId).then().statusCode(200).extract().path("klarna_order_id");
    }

    FakeKlarnaOm.Order atKlarna(String shopOrderId) {
        return klarna.order(klarnaId(shopOrderId));
    }

    List<FakeKlarnaOm.Request> calls(String shopOrderId, String method, String suffix) {
        String id = klarnaId(shopOrderId);
        return klarna.requests(method, suffix).stream().filter(r -> r.path().contains(id)).toList();
    }

    @Test
    void completedCapturesWithShippingInfoFromTheReservedShipment() {
        String token = token("demo", "demo-secret");
        String shipmentId = as(token).body(select(optionsRequest("om-" + UUID.randomUUID()), Map.of("id", "postnord-service-point")))
                .post("/ksa/shipment").then().statusCode(201).extract().path("shipment_id");
        as(token).post("/ksa/shipment/" + shipmentId + "/confirm").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Api-Key", "demo-merchant-api-key")
                .body(Map.of("status", "booked", "tracking_number", "00370712345678901234",
                        "tracking_url", "https://tracking.postnord.com/?id=00370712345678901234"))
                .post("/merchant/shipments/" + shipmentId + "/booking").then().statusCode(200);
        String so = registered(List.of(BOOTS, SHIPPING), TOTAL, shipmentId);

        status(so, "completed").statusCode(200).body("state", equalTo("captured")).body("shop_status", equalTo("completed"))
                .body("amounts.captured", equalTo((int) TOTAL)).body("amounts.remaining", equalTo(0))
                .body("capture_ids", hasSize(1))
                .body("notes.text", hasItem(containsString("capture id")));
        // The audit note carries Klarna's invoice number of the capture, read back from Klarna.
        shop().get("/om/orders/" + so).then().statusCode(200).body("notes.text", hasItem(containsString("Klarna reference INV-" + klarnaId(so) + "-1)")));

        FakeKlarnaOm.Order order = atKlarna(so);
        assertEquals("CAPTURED", order.status);
        assertEquals(1, order.captures.size());
        JsonNode capture = (JsonNode) order.captures.getFirst().get("request");
        JsonNode info = capture.get("shipping_info").get(0);
        assertEquals("PostNord", info.get("shipping_company").asString());
        assertEquals("PickUpPoint", info.get("shipping_method").asString());
        assertEquals("00370712345678901234", info.get("tracking_number").asString());
        assertEquals("https://tracking.postnord.com/?id=00370712345678901234", info.get("tracking_uri").asString());
        // Rounding: the captured lines are exactly the authorized integers.
        assertEquals(TOTAL, capture.get("captured_amount").asLong());
        assertEquals(129900, capture.get("order_lines").get(0).get("total_amount").asLong());
        assertEquals(25980, capture.get("order_lines").get(0).get("total_tax_amount").asLong());
        assertEquals(980, capture.get("order_lines").get(1).get("total_tax_amount").asLong());
        assertEquals(1, calls(so, "POST", "/captures").stream().map(FakeKlarnaOm.Request::idempotencyKey).filter(k -> k != null).count());
    }

    @Test
    void trackingArrivingAfterTheCaptureIsAddedToIt() {
        String so = registered();
        status(so, "completed").statusCode(200);
        shop().body(Map.of("tracking_number", "BB-1", "tracking_uri", "https://budbee.com/BB-1", "shipping_company", "Budbee"))
                .post("/om/orders/" + so + "/tracking").then().statusCode(200).body("notes.text", hasItem(containsString("BB-1")));
        List<?> info = (List<?>) atKlarna(so).captures.getFirst().get("shipping_info");
        assertEquals(1, info.size());
        assertTrue(info.getFirst().toString().contains("BB-1"));
    }

    @Test
    void trackingBeforeACaptureIsRefused() {
        String so = registered();
        shop().body(Map.of("tracking_number", "BB-1")).post("/om/orders/" + so + "/tracking").then().statusCode(409)
                .body("failure_reason", containsString("capture"));
        assertTrue(calls(so, "POST", "/shipping-info").isEmpty());
    }

    @Test
    void cancelledCancelsWhileNothingIsCaptured() {
        String so = registered();
        shop().body(Map.of("status", "cancelled", "restock", true)).post("/om/orders/" + so + "/status").then().statusCode(200)
                .body("state", equalTo("cancelled")).body("notes.text", hasItem(containsString("Klarna order cancellation completed")))
                .body("notes.text", hasItem(containsString("returned to stock")));
        assertEquals("CANCELLED", atKlarna(so).status);
    }

    @Test
    void cancellingACapturedOrderIsRefusedWithoutCallingKlarna() {
        String so = registered();
        status(so, "completed").statusCode(200);
        status(so, "cancelled").statusCode(409).body("failure_reason", equalTo("This order has a capture; refund it instead of cancelling"));
        assertTrue(calls(so, "POST", "/cancel").isEmpty());
        shop().get("/om/orders/" + so).then().body("shop_status", equalTo("completed"));
    }

    @Test
    void linesMayChangeBeforeCaptureButNeverUpward() {
        String so = registered();
        Map<String, Object> cheaperShipping = line("shipping_fee", "SHIPPING", "Free shipping", 1, 0, 2500, 0);
        shop().body(Map.of("order_lines", List.of(BOOTS, cheaperShipping), "order_amount", 129900))
                .put("/om/orders/" + so + "/lines").then().statusCode(200).body("amounts.authorized", equalTo(129900));
        JsonNode patch = calls(so, "PATCH", "/authorization").getFirst().body();
        assertEquals(2, patch.get("order_lines").size(), "all lines are sent");
        assertEquals(129900, atKlarna(so).orderAmount);

        Map<String, Object> pricier = line("physical", "SKU-BOOTS", "Boots", 2, 129900, 2500, 51960);
        shop().body(Map.of("order_lines", List.of(pricier), "order_amount", 259800)).put("/om/orders/" + so + "/lines").then()
                .statusCode(422).body("failure_reason", containsString("higher than the authorized"));
        assertEquals(1, calls(so, "PATCH", "/authorization").size());

        status(so, "completed").statusCode(200).body("amounts.captured", equalTo(129900));
        shop().body(Map.of("order_lines", List.of(BOOTS), "order_amount", 129900)).put("/om/orders/" + so + "/lines").then()
                .statusCode(409);
    }

    @Test
    void inconsistentLinesAreRefused() {
        Map<String, Object> wrongTax = line("physical", "X", "X", 1, 10000, 2500, 1500);
        register("SO-" + UUID.randomUUID(), "K-x", List.of(wrongTax), 10000, null).statusCode(422)
                .body("failure_reason", containsString("order_lines[0]"));
        register("SO-" + UUID.randomUUID(), "K-x", List.of(BOOTS), 1, null).statusCode(422)
                .body("failure_reason", containsString("order_amount"));
    }

    @Test
    void refundsFullLinesGoodwillAndWithAReturnFee() {
        String so = registered(List.of(BOOTS, SHIPPING), TOTAL, null);
        shop().body(Map.of("type", "full")).post("/om/orders/" + so + "/refunds").then().statusCode(409)
                .body("failure_reason", containsString("Nothing is captured"));
        status(so, "completed").statusCode(200);

        shop().body(Map.of("type", "lines", "order_lines", List.of(SHIPPING), "description", "Late delivery"))
                .post("/om/orders/" + so + "/refunds").then().statusCode(200).body("amounts.refunded", equalTo(4900));
        shop().body(Map.of("type", "amount", "refunded_amount", 1000)).post("/om/orders/" + so + "/refunds").then()
                .statusCode(200).body("amounts.refunded", equalTo(5900));
        shop().body(Map.of("type", "lines", "order_lines", List.of(BOOTS), "return_fee",
                        Map.of("name", "Return shipping", "amount", 5900, "tax_rate", 2500)))
                .post("/om/orders/" + so + "/refunds").then().statusCode(200).body("amounts.refunded", equalTo(5900 + 124000));
        List<FakeKlarnaOm.Request> refunds = calls(so, "POST", "/refunds");
        JsonNode withFee = refunds.getLast().body();
        assertEquals(124000, withFee.get("refunded_amount").asLong());
        JsonNode feeLine = withFee.get("order_lines").get(1);
        assertEquals("return_fee", feeLine.get("type").asString());
        assertEquals(-5900, feeLine.get("total_amount").asLong());
        assertEquals(3, refunds.stream().map(FakeKlarnaOm.Request::idempotencyKey).collect(Collectors.toSet()).size());

        shop().body(Map.of("type", "amount", "refunded_amount", 5000)).post("/om/orders/" + so + "/refunds").then()
                .statusCode(422).body("failure_reason", containsString("exceeds"));
        assertEquals(3, calls(so, "POST", "/refunds").size());
    }

    @Test
    void goodwillRefundsNeedOneVatRate() {
        String so = registered(List.of(BOOTS, BOOK), 159800, null);
        status(so, "completed").statusCode(200);
        shop().body(Map.of("type", "amount", "refunded_amount", 1000)).post("/om/orders/" + so + "/refunds").then()
                .statusCode(422).body("failure_reason", containsString("VAT"));
    }

    @Test
    void returnedRecordsTheStatusAndRefundsNothing() {
        String so = registered();
        status(so, "completed").statusCode(200);
        shop().body(Map.of("status", "returned", "restock", true)).post("/om/orders/" + so + "/status").then().statusCode(200)
                .body("amounts.refunded", equalTo(0)).body("shop_status", equalTo("returned"))
                .body("notes.text", hasItem(containsString("items returned to stock")));
        assertEquals(0, atKlarna(so).refunded);
        assertEquals(List.of(), calls(so, "POST", "/refunds"));
    }

    @Test
    void noCaptureUnlessKlarnaAcceptedTheOrder() {
        String so = registered();
        atKlarna(so).fraudStatus = "PENDING";
        status(so, "completed").statusCode(422).body("failure_reason", containsString("PENDING"));
        assertTrue(calls(so, "POST", "/captures").isEmpty());
    }

    @Test
    void aCaptureMadeInKlarnasPortalIsAdoptedSoARefundWorks() {
        String so = registered();
        String portalCapture = klarna.captureInPortal(klarnaId(so), TOTAL);
        shop().body(Map.of("type", "full")).post("/om/orders/" + so + "/refunds").then().statusCode(200)
                .body("amounts.captured", equalTo((int) TOTAL)).body("amounts.refunded", equalTo((int) TOTAL))
                .body("capture_ids", hasItem(portalCapture));
        status(so, "completed").statusCode(200).body("shop_status", equalTo("completed"));
        assertEquals(1, atKlarna(so).captures.size(), "no second capture");
    }

    @Test
    void duplicatesCaptureThePrimaryOnlyAndDropTheSecondaryLocally() {
        String klarnaId = "K-dup-" + UUID.randomUUID();
        klarna.createOrder(klarnaId, TOTAL);
        String primary = "SO-P-" + UUID.randomUUID();
        String secondary = "SO-S-" + UUID.randomUUID();
        register(primary, klarnaId, List.of(BOOTS, SHIPPING), TOTAL, null).statusCode(201);
        register(secondary, klarnaId, List.of(BOOTS, SHIPPING), TOTAL, null).statusCode(201)
                .body("duplicates.role", equalTo("secondary")).body("duplicates.primary", equalTo(primary));

        status(secondary, "completed").statusCode(409).body("failure_reason", containsString("Capture the primary first"));
        status(secondary, "cancelled").statusCode(409);
        status(primary, "completed").statusCode(200).body("duplicates.role", equalTo("primary"));
        status(secondary, "cancelled").statusCode(200).body("state", equalTo("dropped"))
                .body("notes.text", hasItem(containsString("nothing was sent to Klarna")));
        shop().body(Map.of("type", "full")).post("/om/orders/" + secondary + "/refunds").then().statusCode(409)
                .body("failure_reason", containsString("shares its payment"));

        FakeKlarnaOm.Order order = klarna.order(klarnaId);
        assertEquals(1, order.captures.size());
        assertEquals("CAPTURED", order.status);
        assertEquals(0, order.refunded);
        assertTrue(klarna.requests("POST", "/cancel").stream().noneMatch(r -> r.path().contains(klarnaId)));
    }

    @Test
    void aKlarnaRefusalPutsTheOrderInAttentionAndKeepsTheShopStatus() {
        String so = registered();
        FakeKlarnaOm.Order order = atKlarna(so);
        order.status = "EXPIRED";
        status(so, "completed").statusCode(409).body("failure_reason", containsString("expired"));
        order.status = "AUTHORIZED";
        klarna.failNext(klarnaId(so) + "/captures", 403);
        status(so, "completed").statusCode(502)
                .body("failure_reason", containsString("NOT_ALLOWED"))
                .body("order.state", equalTo("attention"))
                .body("order.shop_status", equalTo("processing"))
                .body("order.attention.error_code", equalTo("NOT_ALLOWED"))
                .body("order.attention.error_messages", hasItem("Injected failure"))
                .body("order.attention.correlation_id", notNullValue());
        shop().get("/om/orders/" + so).then().body("state", equalTo("attention")).body("notes.text", hasItem(containsString("(#")));
        assertTrue(atKlarna(so).captures.isEmpty());
        status(so, "completed").statusCode(200).body("state", equalTo("captured")).body("attention", equalTo(null));
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedWithTheSameKey() {
        String so = registered();
        String klarnaId = klarnaId(so);
        klarna.failNext(klarnaId + "/captures", 429, 503);
        status(so, "completed").statusCode(200).body("state", equalTo("captured"));
        List<FakeKlarnaOm.Request> captures = calls(so, "POST", "/captures");
        assertEquals(3, captures.size());
        assertEquals(1, captures.stream().map(FakeKlarnaOm.Request::idempotencyKey).distinct().count());
        assertEquals(1, klarna.order(klarnaId).captures.size());
    }

    @Test
    void aLostAnswerIsRetriedWithTheSameKeyAndKlarnaCapturesOnce() {
        String so = registered();
        klarna.loseAnswers(1);
        status(so, "completed").statusCode(200).body("amounts.captured", equalTo((int) TOTAL));
        assertEquals(1, atKlarna(so).captures.size());
        assertEquals(TOTAL, atKlarna(so).captured);
    }

    @Test
    void registeringTheSameShopOrderTwiceIsIdempotent() {
        String klarnaId = "K-" + UUID.randomUUID();
        klarna.createOrder(klarnaId, TOTAL);
        String so = "SO-" + UUID.randomUUID();
        register(so, klarnaId, List.of(BOOTS, SHIPPING), TOTAL, null).statusCode(201);
        register(so, klarnaId, List.of(BOOTS, SHIPPING), TOTAL, null).statusCode(200).body("duplicates", equalTo(null));
        register(so, "K-other", List.of(BOOTS, SHIPPING), TOTAL, null).statusCode(409);
        register(so, klarnaId, List.of(BOOTS), 129900, null).statusCode(409).body("failure_reason", containsString("other data"));
    }

    @Test
    void theApiNeedsTheMerchantsApiKeyAndIsolatesMerchants() {
        String so = registered();
        given().get("/om/orders/" + so).then().statusCode(401);
        given().header("X-Api-Key", "outlet-merchant-api-key").get("/om/orders/" + so).then().statusCode(404);
        shop().body(Map.of("status", "shipped")).post("/om/orders/" + so + "/status").then().statusCode(400)
                .body("failure_reason", containsString("status"));
    }

    @Test
    void lineArithmeticThatOverflowsIsRefusedAndNeverSentToKlarna() {
        String klarnaId = "K-" + UUID.randomUUID();
        klarna.createOrder(klarnaId, 0);
        long big = 1L << 32;
        Map<String, Object> overflowing = Map.of("type", "physical", "name", "Overflow", "quantity", big, "unit_price", big,
                "tax_rate", 0, "total_amount", 0, "total_discount_amount", 0, "total_tax_amount", 0);
        register("SO-" + UUID.randomUUID(), klarnaId, List.of(overflowing), 0, null).statusCode(422)
                .body("failure_reason", containsString("too large"));
        assertEquals(List.of(), klarna.requests().stream().filter(r -> r.path().contains(klarnaId)).toList());
    }

    @Test
    void numbersThatDoNotFitAre400NamingTheField() {
        shop().body("{\"shop_order_id\": \"x\", \"order_amount\": 1E+308}").post("/om/orders").then().statusCode(400)
                .body("failure_reason", containsString("order_amount"));
        shop().body("{\"shop_order_id\": \"x\", \"order_lines\": [{\"quantity\": 123456789012345678901234567890}]}")
                .post("/om/orders").then().statusCode(400).body("failure_reason", containsString("order_lines[0].quantity"));
        shop().body("{\"order_amount\": 1" + "0".repeat(1000) + "}").post("/om/orders").then().statusCode(400)
                .body("failure_reason", equalTo("order_amount: the number has too many digits"));
    }

    @Test
    void aLinesRefundWithoutLinesIs422() {
        String so = registered();
        status(so, "completed").statusCode(200);
        shop().body(Map.of("type", "lines")).post("/om/orders/" + so + "/refunds").then().statusCode(422)
                .body("failure_reason", containsString("order_lines"));
    }

    @Test
    void aKlarnaOrderIdThatIsNotAnIdIsRefusedAtRegistration() {
        for (String id : List.of("../../../payments/v1/sessions", "has space", "%zz", "a/b")) {
            register("SO-" + UUID.randomUUID(), id, List.of(BOOTS, SHIPPING), TOTAL, null).statusCode(400)
                    .body("failure_reason", containsString("klarna_order_id"));
        }
        assertTrue(klarna.requests().stream().noneMatch(r -> r.path().contains("payments") || r.path().contains("sessions")));
        assertEquals("..%2F..%2Fpayments", KlarnaOmClient.segment("../../payments"));
        assertEquals("a%20b%25zz", KlarnaOmClient.segment("a b%zz"));
    }

    @Test
    void stringsThatAreNotUnicodeAre400() {
        shop().body("{\"shop_order_id\": \"SO-\\ud800\", \"klarna_order_id\": \"K-1\", \"currency\": \"SEK\"}")
                .post("/om/orders").then().statusCode(400).body("failure_reason", containsString("shop_order_id"));
    }

    @Test
    void concurrentRegistrationsOfOneKlarnaOrderMakeExactlyOnePrimary() throws Exception {
        String klarnaId = "K-race-" + UUID.randomUUID();
        klarna.createOrder(klarnaId, TOTAL);
        int n = 8;
        List<String> group = new java.util.ArrayList<>();
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String so = "SO-race-" + i + "-" + UUID.randomUUID();
                group.add(so);
                results.add(pool.submit(() -> {
                    start.await();
                    return register(so, klarnaId, List.of(BOOTS, SHIPPING), TOTAL, null).extract().statusCode();
                }));
            }
            start.countDown();
            for (var r : results) assertEquals(201, r.get());
        }
        List<String> roles = new java.util.ArrayList<>();
        for (String so : group) roles.add(shop().get("/om/orders/" + so).then().extract().path("duplicates.role"));
        assertEquals(1, roles.stream().filter("primary"::equals).count(), "roles: " + roles);
        assertEquals(n - 1, roles.stream().filter("secondary"::equals).count(), "roles: " + roles);
    }

    @Test
    void aRepeatWhileACallIsQueuedIs202AndNeverASecondCapture() {
        String so = registered();
        klarna.unreachable(true);
        status(so, "completed").statusCode(502).body("failure_reason", containsString("queued and retried"));
        int captureAttempts = calls(so, "POST", "/captures").size();
        status(so, "completed").statusCode(202).body("queued.operation", equalTo("capture"))
                .body("failure_reason", containsString("queued"));
        assertEquals(captureAttempts, calls(so, "POST", "/captures").size(), "a repeat sends nothing new");
        shop().get("/om/orders/" + so).then().statusCode(200).body("outbox", hasSize(1))
                .body("outbox[0].operation", equalTo("capture")).body("outbox[0].status", equalTo("pending"))
                .body("outbox[0].amount", equalTo((int) TOTAL));
        shop().body(Map.of("type", "full")).post("/om/orders/" + so + "/refunds").then().statusCode(409)
                .body("failure_reason", containsString("queued"));
        klarna.unreachable(false);
        server.leverans().orderManagement().replayPending();
        shop().get("/om/orders/" + so).then().statusCode(200).body("state", equalTo("captured"))
                .body("amounts.captured", equalTo((int) TOTAL)).body("attention", equalTo(null));
        assertEquals(1, atKlarna(so).captures.size());
        assertEquals(1, calls(so, "POST", "/captures").stream().map(FakeKlarnaOm.Request::idempotencyKey).distinct().count());
        shop().get("/om/orders/" + so).then().body("outbox", hasSize(1)).body("outbox[0].status", equalTo("done"));
        status(so, "completed").statusCode(200);
        assertEquals(1, atKlarna(so).captures.size());
    }

    @Test
    void aFullRefundWithAReturnFeeSendsTheFeeLine() {
        String so = registered();
        status(so, "completed").statusCode(200);
        shop().body(Map.of("type", "full", "return_fee", Map.of("name", "Return fee", "amount", 4900, "tax_rate", 2500)))
                .post("/om/orders/" + so + "/refunds").then().statusCode(200).body("amounts.refunded", equalTo((int) TOTAL - 4900));
        JsonNode refund = calls(so, "POST", "/refunds").getLast().body();
        assertEquals(TOTAL - 4900, refund.get("refunded_amount").asLong());
        JsonNode fee = refund.get("order_lines").get(refund.get("order_lines").size() - 1);
        assertEquals("return_fee", fee.get("type").asString());
        assertEquals(-4900, fee.get("total_amount").asLong());
        long sum = 0;
        for (JsonNode line : refund.get("order_lines")) sum += line.get("total_amount").asLong();
        assertEquals(TOTAL - 4900, sum, "Klarna needs the lines to sum to refunded_amount");
    }

    @Test
    void aTmsReferenceThatIsNotThisMerchantsShipmentIs422() {
        String klarnaId = "K-" + UUID.randomUUID();
        klarna.createOrder(klarnaId, TOTAL);
        register("SO-" + UUID.randomUUID(), klarnaId, List.of(BOOTS, SHIPPING), TOTAL, "no-such-shipment").statusCode(422)
                .body("failure_reason", containsString("tms_reference"));
    }

    private String confirmedShipment(String token, String optionId) {
        String id = as(token).body(select(optionsRequest("om-" + UUID.randomUUID()), Map.of("id", optionId)))
                .post("/ksa/shipment").then().statusCode(201).extract().path("shipment_id");
        as(token).post("/ksa/shipment/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    @Test
    void aParcelWithACarrierIsNotCapturedWithoutTracking() {
        String so = registered(List.of(BOOTS, SHIPPING), TOTAL, confirmedShipment(token("demo", "demo-secret"), "postnord-service-point"));
        status(so, "completed").statusCode(422).body("failure_reason", containsString("tracking"));
        assertEquals(List.of(), calls(so, "POST", "/captures"));
        shop().body(Map.of("status", "completed", "tracking", Map.of("number", "PN-42", "uri", "https://tracking.postnord.com/?id=PN-42")))
                .post("/om/orders/" + so + "/status").then().statusCode(200).body("state", equalTo("captured"));
        JsonNode info = ((JsonNode) atKlarna(so).captures.getFirst().get("request")).get("shipping_info").get(0);
        assertEquals("PN-42", info.get("tracking_number").asString());
        assertEquals("PostNord", info.get("shipping_company").asString());
    }

    @Test
    void theMerchantsOwnDeliveryAndMerchantsThatOptOutNeedNoTracking() {
        String own = registered(List.of(BOOTS, SHIPPING), TOTAL, confirmedShipment(token("demo", "demo-secret"), "store-pickup"));
        status(own, "completed").statusCode(200);
        String outletShipment = confirmedShipment(token("demo-outlet", "outlet-secret"), "budbee-home");
        String klarnaId = "K-" + UUID.randomUUID();
        klarna.createOrder(klarnaId, TOTAL);
        RequestSpecification outlet = given().contentType(ContentType.JSON).header("X-Api-Key", "outlet-merchant-api-key");
        outlet.body(Map.of("shop_order_id", "SO-outlet-" + klarnaId, "klarna_order_id", klarnaId, "currency", "SEK",
                "order_lines", List.of(BOOTS, SHIPPING), "order_amount", TOTAL, "tms_reference", outletShipment))
                .post("/om/orders").then().statusCode(201);
        given().contentType(ContentType.JSON).header("X-Api-Key", "outlet-merchant-api-key").body(Map.of("status", "completed"))
                .post("/om/orders/SO-outlet-" + klarnaId + "/status").then().statusCode(200).body("state", equalTo("captured"));
    }

    /** Two registered orders: the first captured, the second refused by Klarna (in attention). */
    List<String> capturedAndRefused() {
        String captured = registered();
        status(captured, "completed").statusCode(200);
        String refused = registered();
        klarna.failNext("/captures", 403);
        status(refused, "completed").statusCode(502);
        return List.of(captured, refused);
    }

    @Test
    void klarnaCallsTheOutboxAndAttentionAreMetrics() {
        capturedAndRefused();
        String metrics = given().get("/metrics").then().statusCode(200).extract().asString();
        for (String line : List.of("leverans_klarna_om_calls_total{operation=\"capture\",outcome=\"ok\"}",
                "leverans_klarna_om_calls_total{operation=\"capture\",outcome=\"refused\"}",
                "leverans_klarna_om_call_duration_seconds_count{operation=\"capture\",outcome=\"ok\"}",
                "leverans_om_outbox_pending ", "leverans_om_orders_attention ")) {
            assertTrue(metrics.contains(line), "missing " + line);
        }
        double attention = Double.parseDouble(metrics.lines().filter(l -> l.startsWith("leverans_om_orders_attention "))
                .findFirst().orElseThrow().split(" ")[1]);
        assertTrue(attention >= 1, "the refused order is in attention: " + attention);
    }

    @Test
    void ordersAreListedByStateAndPagedWithACursor() {
        List<String> two = capturedAndRefused();
        String captured = two.get(0);
        String refused = two.get(1);
        String authorized = registered();

        List<String> attention = shop().get("/om/orders?state=attention&limit=200").then().statusCode(200)
                .body("orders.state", everyItem(equalTo("attention"))).extract().path("orders.shop_order_id");
        assertTrue(attention.contains(refused), "the refused order is listed in attention");
        assertFalse(attention.contains(captured) || attention.contains(authorized), "only orders in attention");
        shop().get("/om/orders?state=captured&limit=200").then().statusCode(200)
                .body("orders.shop_order_id", hasItem(captured)).body("orders.shop_order_id", not(hasItem(refused)));

        List<String> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            var page = shop().queryParam("limit", 2).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/om/orders").then().statusCode(200).body("orders", hasSize(lessThanOrEqualTo(2))).extract();
            all.addAll(page.path("orders.shop_order_id"));
            cursor = page.path("next_cursor");
            if (cursor == null) break;
        }
        assertTrue(all.containsAll(List.of(captured, refused, authorized)), "every page together holds every order");
        assertEquals(all.stream().sorted().distinct().toList(), all, "pages follow shop order id without repeats");

        shop().get("/om/orders?state=sent").then().statusCode(400).body("failure_reason", containsString("state: must be one of attention"));
        shop().get("/om/orders?limit=0").then().statusCode(400).body("failure_reason", containsString("limit"));
        shop().get("/om/orders?cursor=%25%25").then().statusCode(400).body("failure_reason", containsString("cursor"));
        given().header("X-Api-Key", "outlet-merchant-api-key").get("/om/orders?limit=200").then().statusCode(200)
                .body("orders.shop_order_id", not(hasItem(captured)));
    }
}
