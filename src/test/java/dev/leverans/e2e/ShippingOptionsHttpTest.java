package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.line;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.leverans.support.TestServer;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippingOptionsHttpTest {
    private TestServer server;
    private String token;

    @BeforeAll
    void start() {
        server = new TestServer();
        token = token("demo", "demo-secret");
    }

    @AfterAll
    void stop() { server.close(); }

    @Test
    void aStockholmParcelGetsAllFiveKindsWithPromisesAndLocations() {
        as(token).body(optionsRequest("s-1")).post("/ksa/shipping_options").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("shipping_options.type", contains("delivery-address", "pickup-box", "pickup-point", "pickup-point", "delivery-address"))
                .body("shipping_options.method", contains("Home", "BoxReg", "PickUpPoint", "PickUpStore", "Postal"))
                .body("shipping_options.findAll { it.preselected }.id", contains("postnord-service-point"))
                .body("shipping_options.delivery_time.interval.earliest", everyItem(notNullValue()))
                .body("shipping_options.find { it.method == 'PickUpPoint' }.locations.size()", greaterThan(0))
                .body("shipping_options.find { it.method == 'PickUpPoint' }.locations[0].address.city", equalTo("Stockholm"))
                .body("shipping_options.find { it.method == 'PickUpPoint' }.locations[0].opening_hours.size()", greaterThan(0))
                .body("shipping_options.find { it.method == 'PickUpPoint' }.price", equalTo(4900))
                .body("shipping_options.find { it.method == 'PickUpPoint' }.tax_amount", equalTo(980))
                .body("shipping_options.find { it.method == 'PickUpPoint' }.delivery_time.cutoff", equalTo("14:00"))
                .body("shipping_options.find { it.method == 'Home' }.addons.type", contains("sms", "entry-code"));
    }

    @Test
    void theVendorMediaTypeIsAnsweredWhenAsked() {
        String vendor = "application/vdn.klarna.shipping.shipping_options-v1+json";
        as(token).accept(vendor).contentType(vendor).body(optionsRequest("s-2")).post("/ksa/shipping_options")
                .then().statusCode(200).contentType(vendor);
    }

    @Test
    void aBulkyCartGetsOnlyFreightHomeDelivery() {
        var body = optionsRequest("s-3", "SEK", "SE", "11122", 500000, List.of(line(1000, 40, 200, 300), line(40000, 900, 800, 2000, "bulky")));
        as(token).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains("freight-home")).body("shipping_options[0].preselected", equalTo(true));
    }

    @Test
    void anUnservedCountryGetsTheDefaultOptionAloneAndItIsCounted() {
        var body = optionsRequest("s-4", "EUR", "DE", "10115", 29900, List.of(line(1000, 40, 200, 300)));
        as(token).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options", hasSize(1)).body("shipping_options[0].id", equalTo("standard-delivery"))
                .body("shipping_options[0].price", equalTo(990)).body("shipping_options[0].preselected", equalTo(true));
        io.restassured.RestAssured.get("/metrics").then()
                .body(containsString("leverans_default_option_fallbacks_total{merchant=\"demo\",reason=\"country_not_served\"}"));
    }

    @Test
    void onlyTheCountryIsEnough() {
        Map<String, Object> body = new HashMap<>(Map.of("session_id", "s-5", "currency", "SEK", "locale", "sv-SE",
                "address", Map.of("country", "SE")));
        as(token).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", org.hamcrest.Matchers.hasItem("postnord-service-point"));
    }

    @Test
    void aCurrencyTheMerchantCannotPriceGets422() {
        var body = optionsRequest("s-6", "CHF", "SE", "11122", 29900, List.of());
        as(token).body(body).post("/ksa/shipping_options").then().statusCode(422)
                .body("failure_reason", containsString("CHF"));
    }

    @Test
    void onlyAMissingOrMalformedCurrencyGets400() {
        Map<String, Object> noCurrency = optionsRequest("s-7");
        noCurrency.remove("currency");
        as(token).body(noCurrency).post("/ksa/shipping_options").then().statusCode(400)
                .body("failure_reason", containsString("currency"));
        Map<String, Object> badCurrency = optionsRequest("s-7");
        badCurrency.put("currency", "kronor");
        as(token).body(badCurrency).post("/ksa/shipping_options").then().statusCode(400)
                .body("failure_reason", containsString("currency"));
        as(token).body("[1, 2]").post("/ksa/shipping_options").then().statusCode(400)
                .body("failure_reason", containsString("body"));
    }

    @Test
    void anythingElseUnreadableIsA200WithOptionsOrTheDefaultOption() {
        Map<String, Object> sweden = optionsRequest("s-7");
        sweden.put("address", Map.of("country", "Sweden"));
        as(token).body(sweden).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains("standard-delivery"));
        Map<String, Object> badLine = optionsRequest("s-7", "SEK", "SE", "11122", 1, List.of(Map.of("quantity", 0, "unit_price", "x")));
        as(token).body(badLine).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.size()", greaterThan(0));
        Map<String, Object> wrongTypes = optionsRequest("s-7");
        wrongTypes.put("order", "not an order");
        wrongTypes.put("locale", 42);
        wrongTypes.put("session_id", List.of());
        wrongTypes.put("recipient", Map.of("email", "anna@", "phone", "07", "country", "se", "postal_code", "111 22"));
        as(token).body(wrongTypes).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", org.hamcrest.Matchers.hasItem("postnord-service-point"))
                .body("shipping_options.findAll { it.preview }", hasSize(0));
    }

    @Test
    void unknownFieldsAreIgnored() {
        Map<String, Object> body = optionsRequest("s-8");
        body.put("something_new_from_klarna", Map.of("deep", List.of(1, 2, 3)));
        as(token).body(body).post("/ksa/shipping_options").then().statusCode(200);
    }

    @Test
    void brokenJsonGets400() {
        as(token).body("{\"session_id\": ").post("/ksa/shipping_options").then().statusCode(400)
                .body("failure_reason", containsString("not valid JSON"));
        as(token).body("").post("/ksa/shipping_options").then().statusCode(400);
        as(token).contentType("text/plain").body("hello").post("/ksa/shipping_options").then().statusCode(415)
                .body("failure_reason", notNullValue());
    }

    @Test
    void absurdNestingGets400AndTheServerStaysUp() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        as(token).body("{\"session_id\":\"s\",\"x\":" + nested + "}").post("/ksa/shipping_options").then().statusCode(400)
                .body("failure_reason", containsString("nested"));
        as(token).body(optionsRequest("s-9")).post("/ksa/shipping_options").then().statusCode(200);
    }

    @Test
    void bodiesOverOneMegabyteGet413() {
        Map<String, Object> body = optionsRequest("s-10");
        body.put("padding", "x".repeat(1_100_000));
        as(token).body(body).post("/ksa/shipping_options").then().statusCode(413)
                .body("failure_reason", containsString("1 MB"));
        as(token).body(optionsRequest("s-11")).post("/ksa/shipping_options").then().statusCode(200);
    }
}
