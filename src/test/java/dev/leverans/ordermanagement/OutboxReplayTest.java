package dev.leverans.ordermanagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leverans.support.FakeKlarnaOm;
import dev.leverans.support.TestServer;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A state-changing call decided and written to the outbox, but not answered by Klarna before the
 * process stops, is replayed after restart with the same idempotency key: Klarna sees one capture.
 */
class OutboxReplayTest {
    private static final long TOTAL = OrderManagementHttpTest.TOTAL;

    private static void register(String shopOrderId, String klarnaId) {
        given().contentType(ContentType.JSON).header("X-Api-Key", "demo-merchant-api-key")
                .body(Map.of("shop_order_id", shopOrderId, "klarna_order_id", klarnaId, "currency", "SEK",
                        "order_lines", List.of(OrderManagementHttpTest.BOOTS, OrderManagementHttpTest.SHIPPING), "order_amount", TOTAL))
                .post("/om/orders").then().statusCode(201);
    }

    private static void complete(String shopOrderId, int expectedStatus) {
        given().contentType(ContentType.JSON).header("X-Api-Key", "demo-merchant-api-key").body(Map.of("status", "completed"))
                .post("/om/orders/" + shopOrderId + "/status").then().statusCode(expectedStatus);
    }

    /**
     * Restarts the server on the same data directory and waits until its outbox is replayed (by the
     * replay at start, or by this call if that one has not claimed the call yet).
     */
    private static TestServer restart(TestServer crashed, FakeKlarnaOm klarna) throws InterruptedException {
        crashed.close();
        TestServer restarted = new TestServer(Map.of("KLARNA_OM_BASE_URL", klarna.baseUrl()), crashed.dataDir);
        restarted.leverans().orderManagement().replayPending();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!given().header("X-Api-Key", "demo-merchant-api-key").get("/om/orders/SO-1").path("state").equals("captured")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return restarted;
    }

    /**
     * Registers SO-1, completes it while {@code outage} is on (the capture gets no definite answer),
     * ends the outage, restarts on the same data directory and checks Klarna holds exactly one
     * capture, made with one idempotency key, and the order is captured.
     */
    private static void captureSurvivesRestart(Consumer<FakeKlarnaOm> outage, Consumer<FakeKlarnaOm> recovery,
                                               int capturesDuringOutage) throws Exception {
        try (FakeKlarnaOm klarna = new FakeKlarnaOm()) {
            String klarnaId = "K-" + UUID.randomUUID();
            klarna.createOrder(klarnaId, TOTAL);
            TestServer server = new TestServer(Map.of("KLARNA_OM_BASE_URL", klarna.baseUrl()));
            try {
                register("SO-1", klarnaId);
                outage.accept(klarna);
                complete("SO-1", 502);
                given().header("X-Api-Key", "demo-merchant-api-key").get("/om/orders/SO-1").then()
                        .body("state", equalTo("attention")).body("shop_status", equalTo("processing"))
                        .body("notes.text", hasItem(containsString("same idempotency key")));
                assertEquals(capturesDuringOutage, klarna.order(klarnaId).captures.size());

                recovery.accept(klarna);
                server = restart(server, klarna);
                given().header("X-Api-Key", "demo-merchant-api-key").get("/om/orders/SO-1").then()
                        .body("state", equalTo("captured")).body("shop_status", equalTo("completed"))
                        .body("amounts.captured", equalTo((int) TOTAL));
                assertEquals(1, klarna.order(klarnaId).captures.size());
                assertEquals(TOTAL, klarna.order(klarnaId).captured);
                List<FakeKlarnaOm.Request> captures = klarna.requests("POST", klarnaId + "/captures");
                assertEquals(1, captures.stream().map(FakeKlarnaOm.Request::idempotencyKey).distinct().count());
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aCallThatNeverReachedKlarnaIsReplayedAfterRestart() throws Exception {
        captureSurvivesRestart(k -> k.unreachable(true), k -> k.unreachable(false), 0);
    }

    @Test
    void aCallWhoseAnswerWasLostIsReplayedWithoutDoublingTheCapture() throws Exception {
        captureSurvivesRestart(k -> k.loseAnswers(10), k -> k.loseAnswers(0), 1);
    }
}
