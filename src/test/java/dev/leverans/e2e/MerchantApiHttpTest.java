package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.fixture;
import static dev.leverans.support.Klarna.selectRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    void shipmentsAreFilteredByCarrierAndOption() {
        String pickup = confirmed("filter-1");
        String home = as(klarna).body(selectRequest("filter-2", "budbee-home")).post("/ksa/shipment").then().statusCode(201)
                .extract().path("shipment_id");
        merchant("demo-merchant-api-key").get("/merchant/shipments?carrier=budbee&limit=500").then().statusCode(200)
                .body("shipments.shipment_id", hasItem(home)).body("shipments.shipment_id", not(hasItem(pickup)))
                .body("shipments.carrier", everyItem(equalTo("budbee")));
        merchant("demo-merchant-api-key").get("/merchant/shipments?option=postnord-service-point&status=confirmed&limit=500")
                .then().statusCode(200).body("shipments.shipment_id", hasItem(pickup))
                .body("shipments.option_id", everyItem(equalTo("postnord-service-point")));
        merchant("demo-merchant-api-key").get("/merchant/shipments?carrier=nobody").then().statusCode(200).body("shipments", empty());
        merchant("demo-merchant-api-key").get("/merchant/shipments?carrier=Bud%20Bee").then().statusCode(400)
                .body("failure_reason", startsWith("carrier: must be an id"));
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

    @Test
    void klarnaRequestsAreShownNewestFirstWithPersonalDataMasked() {
        var body = fixture("options-full-recipient");
        as(klarna).body(body).post("/ksa/shipping_options").then().statusCode(200);
        as(klarna).body(fixture("select-addons-data")).post("/ksa/shipment").then().statusCode(201);
        var answer = merchant("demo-merchant-api-key").get("/merchant/klarna-requests?limit=2").then().statusCode(200)
                .body("capacity", equalTo(200))
                .body("requests", hasSize(2))
                .body("requests[0].method", equalTo("POST")).body("requests[0].path", equalTo("/ksa/shipment"))
                .body("requests[0].status", equalTo(201))
                .body("requests[0].body.selected_shipping_option.addons[1].data.text", equalTo("***"))
                .body("requests[1].path", equalTo("/ksa/shipping_options")).body("requests[1].status", equalTo(200))
                .body("requests[1].duration_ms", notNullValue())
                .body("requests[1].body.recipient.given_name", equalTo("***"))
                .body("requests[1].body.recipient.family_name", equalTo("***"))
                .body("requests[1].body.recipient.email", equalTo("***"))
                .body("requests[1].body.recipient.phone", equalTo("***"))
                .body("requests[1].body.recipient.street_address", equalTo("***"))
                .body("requests[1].body.recipient.care_of", equalTo("***"))
                .body("requests[1].body.recipient.street_address2", nullValue())
                .body("requests[1].body.recipient.postal_code", equalTo("113 51"))
                .body("requests[1].body.recipient.city", equalTo("Stockholm"))
                .body("requests[1].body.recipient.country", equalTo("SE"))
                .body("requests[1].body.order.lines[0].attributes.weight", equalTo(1000))
                .extract().asString();
        for (String secret : new String[] {"Anna", "Svensson", "anna.svensson", "+4670", "Odengatan", "4711B", klarna, "demo-secret"}) {
            assertFalse(answer.contains(secret), "captured requests show " + secret);
        }
        merchant("outlet-merchant-api-key").get("/merchant/klarna-requests").then().statusCode(200)
                .body("requests.path", not(hasItem("/ksa/shipment")));
        merchant("demo-merchant-api-key").get("/merchant/klarna-requests?limit=0").then().statusCode(400)
                .body("failure_reason", containsString("limit"));
        merchant("wrong-key-wrong-key").get("/merchant/klarna-requests").then().statusCode(401);
    }

    @Test
    void authRequestsAreCapturedWithoutNonceOrDigest() {
        token("demo", "demo-secret");
        merchant("demo-merchant-api-key").get("/merchant/klarna-requests?limit=1").then().statusCode(200)
                .body("requests[0].path", equalTo("/ksa/auth")).body("requests[0].status", equalTo(201))
                .body("requests[0].body.identifier", equalTo("demo"))
                .body("requests[0].body.secret.nonce", equalTo("***")).body("requests[0].body.secret.digest", equalTo("***"));
    }

    @Test
    void refusedKlarnaRequestsAreCapturedWithTheirStatus() {
        as(klarna).body("{\"currency\": ").post("/ksa/shipping_options").then().statusCode(400);
        merchant("demo-merchant-api-key").get("/merchant/klarna-requests?limit=1").then().statusCode(200)
                .body("requests[0].status", equalTo(400)).body("requests[0].body", nullValue())
                .body("requests[0].note", containsString("not JSON"));
    }
}
