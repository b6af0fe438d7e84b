package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.selectRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leverans.shipments.ShipmentStatus;
import dev.leverans.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shipments are deleted once kept longer than their status's retention; others stay. */
class RetentionHttpTest {
    @Test
    void expiredReservationsGoAfterAWeekConfirmedOnesStay() {
        try (TestServer server = new TestServer()) {
            String demo = token("demo", "demo-secret");
            String expiring = as(demo).body(selectRequest("ret-1", "budbee-home")).post("/ksa/shipment").then().statusCode(201)
                    .extract().path("shipment_id");
            String confirmed = as(demo).body(selectRequest("ret-2", "budbee-home")).post("/ksa/shipment").then().statusCode(201)
                    .extract().path("shipment_id");
            as(demo).post("/ksa/shipment/" + confirmed + "/confirm").then().statusCode(200);
            server.clock.advance(Duration.ofHours(2));
            assertEquals(1, server.leverans().shipments().expireStale());
            server.clock.advance(Duration.ofDays(6));
            assertEquals(0, server.leverans().purgeShipments(), "expired 6 days ago: kept");
            server.clock.advance(Duration.ofDays(2));
            assertEquals(1, server.leverans().purgeShipments());
            String fresh = token("demo", "demo-secret");
            as(fresh).get("/ksa/shipment/" + expiring).then().statusCode(404);
            as(fresh).get("/ksa/shipment/" + confirmed).then().statusCode(200);
            get("/metrics").then().body(containsString("leverans_shipments_deleted_total{status=\"expired\"} 1.0"));
        }
    }

    @Test
    void aRunDeletesInBoundedBatches() {
        try (TestServer server = new TestServer()) {
            String demo = token("demo", "demo-secret");
            for (int i = 0; i < 5; i++) as(demo).body(selectRequest("batch-" + i, "budbee-home")).post("/ksa/shipment").then().statusCode(201);
            server.clock.advance(Duration.ofHours(2));
            server.leverans().shipments().expireStale();
            server.clock.advance(Duration.ofDays(8));
            assertEquals(Map.of(ShipmentStatus.EXPIRED, 4), server.leverans().shipments().purge(2, 2));
            assertEquals(Map.of(ShipmentStatus.EXPIRED, 1), server.leverans().shipments().purge(2, 2));
        }
    }
}
