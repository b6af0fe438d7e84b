package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.fixture;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.leverans.support.TestServer;
import org.junit.jupiter.api.Test;

/** Server settings that change what Klarna is answered: the option-type vocabulary and the request capture. */
class KlarnaVocabularyHttpTest {
    @Test
    void aChangedTypeMappingChangesTheWireTypeButNotTheMethodOrTheMerchantView() {
        try (TestServer ignored = TestServer.withSettings(s -> s.replace("home: delivery-address", "home: home-delivery")
                .replace("locker: pickup-box", "locker: parcel-locker"))) {
            String demo = token("demo", "demo-secret");
            as(demo).body(fixture("options-full-recipient")).post("/ksa/shipping_options").then().statusCode(200)
                    .body("shipping_options.type", contains("home-delivery", "parcel-locker", "pickup-point", "pickup-point",
                            "delivery-address"))
                    .body("shipping_options.method", contains("Home", "BoxReg", "PickUpPoint", "PickUpStore", "Postal"));
            String id = as(demo).body(fixture("select-addons-data")).post("/ksa/shipment").then().statusCode(201)
                    .body("selected_shipping_option.type", equalTo("home-delivery")).extract().path("shipment_id");
            given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments/" + id).then().statusCode(200)
                    .body("option_type", equalTo("home"));
        }
    }

    @Test
    void captureCanBeTurnedOff() {
        try (TestServer ignored = TestServer.withSettings(s -> s.replace("${LEVERANS_CAPTURED_REQUESTS:-200}", "0"))) {
            as(token("demo", "demo-secret")).body(fixture("options-full-recipient")).post("/ksa/shipping_options").then().statusCode(200);
            given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/klarna-requests").then().statusCode(200)
                    .body("capacity", equalTo(0)).body("requests", hasSize(0));
        }
    }
}
