package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.line;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.select;
import static dev.leverans.support.Klarna.selectRequest;
import static dev.leverans.support.Klarna.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.TestServer;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShipmentHttpTest {
    private static final String PUBLIC_BASE = "https://tms.example.com/klarna/ksa";
    private TestServer server;
    private String demo;
    private String outlet;

    @BeforeAll
    void start() {
        server = new TestServer(Map.of("LEVERANS_PUBLIC_BASE_URL", PUBLIC_BASE + "/"));
        demo = token("demo", "demo-secret");
        outlet = token("demo-outlet", "outlet-secret");
    }

    @AfterAll
    void stop() { server.close(); }

    private String reserve(String session, String optionId) {
        return as(demo).body(selectRequest(session, optionId)).post("/ksa/shipment").then().statusCode(201)
                .extract().path("shipment_id");
    }

    @Test
    void selectReservesWithServerPricesAndAPublicLocation() {
        Map<String, Object> choice = Map.of("id", "postnord-service-point", "location", Map.of("id", "postnord:SE-7204"));
        Map<String, Object> body = select(optionsRequest("sel-1"), choice);
        Response r = as(demo).body(body).post("/ksa/shipment");
        r.then().statusCode(201)
                .body("status", equalTo("reserved"))
                .body("selected_shipping_option.id", equalTo("postnord-service-point"))
                .body("selected_shipping_option.price", equalTo(4900))
                .body("selected_shipping_option.carrier", equalTo("postnord"))
                .body("selected_shipping_option.location.id", equalTo("postnord:SE-7204"))
                .body("selected_shipping_option.tms_reference", equalTo(r.path("shipment_id")));
        assertEquals(PUBLIC_BASE + "/shipment/" + r.path("shipment_id"), r.header("Location"));
    }

    @Test
    void clientPricesAreIgnored() {
        Map<String, Object> choice = Map.of("id", "budbee-home", "price", 0, "tax_amount", 0);
        as(demo).body(select(optionsRequest("sel-2"), choice)).post("/ksa/shipment").then().statusCode(201)
                .body("selected_shipping_option.price", equalTo(5900));
    }

    @Test
    void aRepeatedSelectForTheSessionKeepsTheIdAndStoresTheLatestChoice() {
        String first = reserve("sel-3", "budbee-home");
        as(demo).body(selectRequest("sel-3", "postnord-letter")).post("/ksa/shipment").then().statusCode(201)
                .body("shipment_id", equalTo(first)).body("selected_shipping_option.id", equalTo("postnord-letter"));
        as(demo).get("/ksa/shipment/" + first).then().statusCode(200).body("selected_shipping_option.id", equalTo("postnord-letter"));
    }

    @Test
    void concurrentDuplicateSelectsMakeOneReservation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Set<String> ids = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    Response r = as(demo).body(selectRequest("race-1", "postnord-service-point")).post("/ksa/shipment");
                    ids.add(r.path("shipment_id"));
                    return r.statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> f : results) assertEquals(201, f.get(30, TimeUnit.SECONDS));
            assertEquals(1, ids.size(), ids.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownOptionGets404() {
        as(demo).body(selectRequest("sel-4", "teleport")).post("/ksa/shipment").then().statusCode(404)
                .body("failure_reason", containsString("teleport"));
    }

    @Test
    void anOptionNoLongerAvailableGets409WithTheReason() {
        var heavy = optionsRequest("sel-5", "SEK", "SE", "11122", 29900, List.of(line(3000, 40, 200, 300)));
        as(demo).body(select(heavy, Map.of("id", "postnord-letter"))).post("/ksa/shipment").then().statusCode(409)
                .body("failure_reason", containsString("2000"));
    }

    @Test
    void aLocationOfAnotherOptionOrCountryGets409() {
        as(demo).body(select(optionsRequest("sel-6"), Map.of("id", "postnord-service-point", "location", Map.of("id", "instabox:SE-STO-112"))))
                .post("/ksa/shipment").then().statusCode(409).body("failure_reason", containsString("instabox:SE-STO-112"));
        as(demo).body(select(optionsRequest("sel-6"), Map.of("id", "postnord-service-point", "location", Map.of("id", "postnord:NO-0150"))))
                .post("/ksa/shipment").then().statusCode(409);
    }

    @Test
    void withoutAChosenLocationTheNearestIsReserved() {
        as(demo).body(selectRequest("sel-7", "instabox-locker")).post("/ksa/shipment").then().statusCode(201)
                .body("selected_shipping_option.location.id", not(nullValue()));
    }

    @Test
    void addOnsAreCheckedAgainstTheOption() {
        Map<String, Object> tooLong = Map.of("id", "budbee-home", "selected_addons",
                List.of(Map.of("type", "entry-code", "external_id", "DOOR_CODE", "user_input", "1".repeat(21))));
        as(demo).body(select(optionsRequest("sel-8"), tooLong)).post("/ksa/shipment").then().statusCode(422)
                .body("failure_reason", containsString("20"));
        Map<String, Object> foreign = Map.of("id", "postnord-letter", "selected_addons",
                List.of(Map.of("type", "sms", "external_id", "NOTIFY_SMS")));
        as(demo).body(select(optionsRequest("sel-8"), foreign)).post("/ksa/shipment").then().statusCode(422);
        Map<String, Object> ok = Map.of("id", "budbee-home", "selected_addons",
                List.of(Map.of("type", "entry-code", "external_id", "DOOR_CODE", "user_input", "1234")));
        as(demo).body(select(optionsRequest("sel-8"), ok)).post("/ksa/shipment").then().statusCode(201)
                .body("selected_shipping_option.selected_addons[0].user_input", equalTo("1234"));
    }

    @Test
    void aTimeslotIsRefusedWhereNoneIsOffered() {
        as(demo).body(select(optionsRequest("sel-9"), Map.of("id", "budbee-home", "timeslot", Map.of("id", "x"))))
                .post("/ksa/shipment").then().statusCode(422);
    }

    @Test
    void selectWithoutAChoiceGets400() {
        as(demo).body(optionsRequest("sel-10")).post("/ksa/shipment").then().statusCode(400)
                .body("failure_reason", containsString("selected_shipping_option"));
    }

    @Test
    void theDefaultOptionIsAlwaysSelectable() {
        as(demo).body(selectRequest("sel-11", "standard-delivery")).post("/ksa/shipment").then().statusCode(201)
                .body("selected_shipping_option.price", equalTo(9900));
    }

    @Test
    void putChangesTheChoice() {
        String id = reserve("put-1", "budbee-home");
        Response r = as(demo).body(selectRequest("put-1", "store-pickup")).put("/ksa/shipment/" + id);
        r.then().statusCode(200).body("shipment_id", equalTo(id)).body("selected_shipping_option.id", equalTo("store-pickup"));
        assertEquals(PUBLIC_BASE + "/shipment/" + id, r.header("Location"));
        as(demo).body(selectRequest("put-1", "teleport")).put("/ksa/shipment/" + id).then().statusCode(404);
        as(demo).body(selectRequest("put-1", "store-pickup")).put("/ksa/shipment/no-such-id").then().statusCode(404);
    }

    @Test
    void confirmIsIdempotentAndFreezesTheReservation() {
        String id = reserve("conf-1", "budbee-home");
        as(demo).post("/ksa/shipment/" + id + "/confirm").then().statusCode(200).body("status", equalTo("confirmed"));
        as(demo).post("/ksa/shipment/" + id + "/confirm").then().statusCode(200).body("status", equalTo("confirmed"));
        as(demo).get("/ksa/shipment/" + id).then().statusCode(200).body("status", equalTo("confirmed"))
                .body("selected_shipping_option.carrier", equalTo("budbee"));
        as(demo).body(selectRequest("conf-1", "store-pickup")).put("/ksa/shipment/" + id).then().statusCode(409);
        as(demo).post("/ksa/shipment/nope/confirm").then().statusCode(404);
    }

    @Test
    void anotherMerchantsTokenSeesNothing() {
        String id = reserve("iso-1", "budbee-home");
        as(outlet).get("/ksa/shipment/" + id).then().statusCode(404);
        as(outlet).post("/ksa/shipment/" + id + "/confirm").then().statusCode(404);
        as(outlet).body(selectRequest("iso-1", "budbee-home")).put("/ksa/shipment/" + id).then().statusCode(404);
        as(demo).get("/ksa/shipment/" + id).then().statusCode(200).body("status", equalTo("reserved"));
    }

    @Test
    void unconfirmedReservationsExpireAnHourAfterTheirLastChange() {
        String id = reserve("exp-1", "budbee-home");
        String confirmed = reserve("exp-2", "budbee-home");
        as(demo).post("/ksa/shipment/" + confirmed + "/confirm").then().statusCode(200);
        server.clock.advance(Duration.ofMinutes(59));
        String fresh = token("demo", "demo-secret");
        as(fresh).body(selectRequest("exp-3", "budbee-home")).post("/ksa/shipment").then().statusCode(201);
        server.clock.advance(Duration.ofMinutes(2));
        try {
            assertTrue(server.leverans().shipments().expireStale() >= 1);
            as(fresh).get("/ksa/shipment/" + id).then().statusCode(200).body("status", equalTo("expired"));
            as(fresh).get("/ksa/shipment/" + confirmed).then().statusCode(200).body("status", equalTo("confirmed"));
            as(fresh).body(selectRequest("exp-3", "budbee-home")).post("/ksa/shipment").then().statusCode(201)
                    .body("status", equalTo("reserved"));
        } finally {
            server.clock.set(TestServer.WEDNESDAY_MORNING);
        }
    }
}
