package dev.leverans.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leverans.support.FakeKlarnaOm;
import dev.leverans.support.TestServer;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A stop lets requests in flight finish and answer, then closes the database. */
class GracefulShutdownTest {
    private static final Map<String, Object> LINE = Map.of("type", "physical", "reference", "SKU", "name", "Boots", "quantity", 1,
            "unit_price", 10000, "tax_rate", 2500, "total_amount", 10000, "total_discount_amount", 0, "total_tax_amount", 2000);

    @Test
    void aRequestInFlightIsAnsweredBeforeTheServerStops() throws Exception {
        try (FakeKlarnaOm klarna = new FakeKlarnaOm()) {
            TestServer server = new TestServer(Map.of("KLARNA_OM_BASE_URL", klarna.baseUrl()));
            klarna.createOrder("K-graceful", 10000);
            given().contentType(ContentType.JSON).header("X-Api-Key", "demo-merchant-api-key")
                    .body(Map.of("shop_order_id", "SO-graceful", "klarna_order_id", "K-graceful", "currency", "SEK",
                            "order_lines", List.of(LINE), "order_amount", 10000))
                    .post("/om/orders").then().statusCode(201);
            klarna.delay(1500); // the capture reads the order and captures: about 3 s at Klarna
            CompletableFuture<Integer> capture = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .header("X-Api-Key", "demo-merchant-api-key").body(Map.of("status", "completed"))
                    .post("/om/orders/SO-graceful/status").then().extract().statusCode());
            Thread.sleep(500);
            server.close();
            assertEquals(200, capture.get());
            assertEquals(10000, klarna.order("K-graceful").captured);
            assertThrows(Exception.class, () -> given().get("/health"));
        }
    }
}
