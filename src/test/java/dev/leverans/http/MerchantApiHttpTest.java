package dev.leverans.http;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.selectRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.leverans.support.TestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MerchantApiHttpTest {
    private TestServer server;
    private String klarna;

    @BeforeAll
    void start() {
        server = new TestServer();
        klarna = token("demo", "demo-secret");
    }

    @AfterAll
    void stop() { server.close(); }

    private static RequestSpecification merchant(String apiKey) {
        return given().contentType(ContentType.JSON).header("X-Api-Key", apiKey);
    }

    private String confirmed(String session) {
        String id = as(klarna).body(selectRequest(session, "postnord-service-point")).post("/ksa/shipment").then().statusCode(201)
                .extract().path("shipment_id");
        as(klarna).post("/ksa/shipment/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    @Test
    void trackingReportedByTheMerchantReachesKlarna() {
        String id = confirmed("m-1");
        merchant("demo-merchant-api-key").body(Map.of("status", "booked", "tracking_number", "00370712345678901234",
                        "tracking_url", "https://tracking.postnord.com/se/?id=00370712345678901234", "additional_info", "Booked with PostNord"))
                .post("/merchant/shipments/" + id + "/booking").then().statusCode(200).body("status", equalTo("booked"));
        as(klarna).get("/ksa/shipment/" + id).then().statusCode(200)
                .body("status", equalTo("booked"))
                .body("tracking.number", equalTo("00370712345678901234"))
                .body("tracking.url", containsString("postnord"))
                .body("additional_info", equalTo("Booked with PostNord"));
    }

    @Test
    void bookingAnUnconfirmedShipmentOrMovingBackwardsGets409() {
        String reserved = as(klarna).body(selectRequest("m-2", "budbee-home")).post("/ksa/shipment").then().extract().path("shipment_id");
        merchant("demo-merchant-api-key").body(Map.of("status", "booked")).post("/merchant/shipments/" + reserved + "/booking")
                .then().statusCode(409).body("failure_reason", containsString("reserved"));
        String id = confirmed("m-3");
        merchant("demo-merchant-api-key").body(Map.of("status", "shipped")).post("/merchant/shipments/" + id + "/booking").then().statusCode(200);
        merchant("demo-merchant-api-key").body(Map.of("status", "booked")).post("/merchant/shipments/" + id + "/booking").then().statusCode(409);
    }

    @Test
    void invalidBookingsGet400() {
        String id = confirmed("m-4");
        merchant("demo-merchant-api-key").body(Map.of("status", "teleported")).post("/merchant/shipments/" + id + "/booking")
                .then().statusCode(400).body("failure_reason", containsString("status"));
        merchant("demo-merchant-api-key").body(Map.of("status", "booked", "tracking_url", "javascript:alert(1)"))
                .post("/merchant/shipments/" + id + "/booking").then().statusCode(400).body("failure_reason", containsString("tracking_url"));
    }

    @Test
    void listsAndReadsOnlyTheMerchantsOwnShipments() {
        String id = confirmed("m-5");
        merchant("demo-merchant-api-key").get("/merchant/shipments?status=confirmed&limit=100").then().statusCode(200)
                .body("shipments.shipment_id", hasItem(id));
        merchant("demo-merchant-api-key").get("/merchant/shipments/" + id).then().statusCode(200)
                .body("carrier", equalTo("postnord")).body("option_type", equalTo("pickup_point"))
                .body("selected_shipping_option.location.id", notNullValue());
        merchant("outlet-merchant-api-key").get("/merchant/shipments/" + id).then().statusCode(404);
        merchant("outlet-merchant-api-key").get("/merchant/shipments").then().statusCode(200)
                .body("shipments.shipment_id", not(hasItem(id)));
    }

    @Test
    void pagesFollowTheCursor() {
        for (int i = 0; i < 3; i++) confirmed("page-" + i);
        String cursor = merchant("demo-merchant-api-key").get("/merchant/shipments?limit=1").then().statusCode(200)
                .body("shipments", hasSize(1)).extract().path("next_cursor");
        merchant("demo-merchant-api-key").queryParam("limit", 1).queryParam("cursor", cursor).get("/merchant/shipments")
                .then().statusCode(200).body("shipments", hasSize(1));
        merchant("demo-merchant-api-key").get("/merchant/shipments?cursor=%%%").then().statusCode(400);
        merchant("demo-merchant-api-key").get("/merchant/shipments?limit=0").then().statusCode(400).body("failure_reason", containsString("limit"));
        merchant("demo-merchant-api-key").get("/merchant/shipments?changed_from=yesterday").then().statusCode(400)
                .body("failure_reason", containsString("changed_from"));
        merchant("demo-merchant-api-key").get("/merchant/shipments?status=lost").then().statusCode(400);
    }

    @Test
    void theKlarnaKeyAndTokensAreNotMerchantApiKeys() {
        given().get("/merchant/shipments").then().statusCode(401);
        merchant("demo-secret").get("/merchant/shipments").then().statusCode(401);
        given().header("Authorization", "Bearer " + klarna).get("/merchant/shipments").then().statusCode(401);
        given().header("Authorization", "Bearer demo-merchant-api-key").get("/merchant/shipments").then().statusCode(200);
    }
}
