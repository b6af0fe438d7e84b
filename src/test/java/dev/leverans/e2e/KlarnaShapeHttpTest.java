package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.fixture;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.get;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.leverans.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The request shape Klarna's Shipping Service sends (evidenced in public Integrator code), over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KlarnaShapeHttpTest {
    private static final List<String> STOCKHOLM_PARCEL = List.of("budbee-home", "instabox-locker", "postnord-service-point",
            "store-pickup", "postnord-letter");
    private TestServer server;
    private String demo;

    @BeforeAll
    void start() {
        server = new TestServer();
        demo = token("demo", "demo-secret");
    }

    @AfterAll
    void stop() { server.close(); }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> order(Map<String, Object> body) {
        return (Map<String, Object>) body.get("order");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLineAttributes(Map<String, Object> body) {
        return (Map<String, Object>) ((List<Map<String, Object>>) order(body).get("lines")).getFirst().get("attributes");
    }

    @Test
    void aFullRecipientGetsEveryOptionInKlarnasVocabularyWithoutPreview() {
        as(demo).body(fixture("options-full-recipient")).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains(STOCKHOLM_PARCEL.toArray()))
                .body("shipping_options.type", contains("delivery-address", "pickup-box", "pickup-point", "pickup-point", "delivery-address"))
                .body("shipping_options.method", contains("Home", "BoxReg", "PickUpPoint", "PickUpStore", "Postal"))
                .body("shipping_options.findAll { it.preselected }.id", contains("postnord-service-point"))
                .body("shipping_options.findAll { it.preview != null }", empty())
                .body("shipping_options.find { it.id == 'budbee-home' }.features", contains(
                        Map.of("class", "badge", "type", "evening"), Map.of("class", "badge", "type", "eco-friendly")))
                .body("shipping_options.find { it.id == 'instabox-locker' }.features[1]",
                        equalTo(Map.of("class", "call_to_action", "type", "learn-more", "url", "https://instabox.io/en/")))
                .body("shipping_options.find { it.id == 'postnord-letter' }.features", nullValue());
    }

    @Test
    void locationsCarryLatLngAndAPriceTheirOwnOrTheOptions() {
        var options = as(demo).body(fixture("options-full-recipient")).post("/ksa/shipping_options").then().statusCode(200);
        options.body("shipping_options.find { it.id == 'postnord-service-point' }.locations.price", everyItem(equalTo(4900)))
                .body("shipping_options.find { it.id == 'postnord-service-point' }.locations[0].coordinates.lat", equalTo(59.3452f))
                .body("shipping_options.find { it.id == 'postnord-service-point' }.locations[0].coordinates.lng", equalTo(18.0504f))
                .body("shipping_options.find { it.id == 'instabox-locker' }.locations.find { it.id == 'instabox:SE-STO-118' }.price",
                        equalTo(2900))
                .body("shipping_options.find { it.id == 'instabox-locker' }.locations.find { it.id == 'instabox:SE-STO-114' }.price",
                        equalTo(3900));
        Map<String, Object> select = fixture("options-full-recipient");
        select.put("session_id", "shape-location-price");
        select.put("selected_shipping_option", Map.of("id", "instabox-locker", "location", Map.of("id", "instabox:SE-STO-118")));
        as(demo).body(select).post("/ksa/shipment").then().statusCode(201)
                .body("selected_shipping_option.price", equalTo(2900))
                .body("selected_shipping_option.tax_amount", equalTo(580))
                .body("selected_shipping_option.location.price", equalTo(2900));
    }

    @Test
    void theReservationKeepsWhatACarrierBookingNeedsAndTheMerchantApiShowsIt() {
        Map<String, Object> select = fixture("options-full-recipient");
        select.put("session_id", "shape-booking");
        select.put("selected_shipping_option", Map.of("id", "budbee-home"));
        String id = as(demo).body(select).post("/ksa/shipment").then().statusCode(201).extract().path("shipment_id");
        io.restassured.RestAssured.given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments/" + id)
                .then().statusCode(200)
                .body("booking.recipient.given_name", equalTo("Anna"))
                .body("booking.recipient.family_name", equalTo("Svensson"))
                .body("booking.recipient.street_address", equalTo("Odengatan 40"))
                .body("booking.recipient.postal_code", equalTo("113 51"))
                .body("booking.recipient.city", equalTo("Stockholm"))
                .body("booking.recipient.country", equalTo("SE"))
                .body("booking.recipient.phone", equalTo("+46701234567"))
                .body("booking.recipient.email", equalTo("anna.svensson@example.com"))
                .body("booking.recipient.care_of", equalTo("c/o Berg"))
                .body("booking.recipient.company", nullValue())
                .body("booking.parcel.weight_grams", equalTo(1000))
                .body("booking.parcel.length", equalTo(300))
                .body("booking.parcel.width", equalTo(200))
                .body("booking.parcel.height", equalTo(40))
                .body("booking.lines.reference", contains("19-402"))
                .body("booking.lines.quantity", contains(1))
                .body("booking.klarna_order_id", equalTo("order-4711"));
    }

    @Test
    void addOnOffersCarryTheEvidencedFlatFields() {
        as(demo).body(fixture("options-full-recipient")).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.find { it.id == 'budbee-home' }.addons.id", contains("NOTIFY_SMS", "DOOR_CODE"))
                .body("shipping_options.find { it.id == 'budbee-home' }.addons.required", contains(false, false))
                .body("shipping_options.find { it.id == 'budbee-home' }.addons.preselected", contains(true, false))
                .body("shipping_options.find { it.id == 'budbee-home' }.addons[1].max_length", equalTo(20))
                .body("shipping_options.find { it.id == 'budbee-home' }.addons[0].max_length", nullValue());
    }

    @Test
    void aPreviewWithoutRecipientTakesTheCountryFromTheLocaleAndMarksEveryOption() {
        as(demo).body(fixture("options-preview-no-recipient")).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains(STOCKHOLM_PARCEL.toArray()))
                .body("shipping_options.preview", everyItem(equalTo(true)));
    }

    @Test
    void aCountryOnlyRecipientIsAPreview() {
        as(demo).body(fixture("options-country-only")).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains(STOCKHOLM_PARCEL.toArray()))
                .body("shipping_options.preview", everyItem(equalTo(true)));
    }

    @Test
    void aPreviewInAnUnservedLocaleUsesThePreviewCountryElseTheDefaultOption() {
        Map<String, Object> german = fixture("options-preview-no-recipient");
        german.put("locale", "de-DE");
        as(demo).body(german).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains("standard-delivery"))
                .body("shipping_options[0].preview", equalTo(true));
        get("/metrics").then().body(containsString("leverans_default_option_fallbacks_total{merchant=\"demo\",reason=\"country_unknown\"}"));
        // demo-outlet names SE as its preview_country
        as(token("demo-outlet", "outlet-secret")).body(german).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains("budbee-home", "postnord-service-point"))
                .body("shipping_options.preview", everyItem(equalTo(true)));
    }

    @Test
    void theChosenAddOnsAreReservedWithTheirTextAndTheOthersAreNot() {
        String id = as(demo).body(fixture("select-addons-data")).post("/ksa/shipment").then().statusCode(201)
                .body("selected_shipping_option.selected_addons.id", contains("DOOR_CODE"))
                .body("selected_shipping_option.selected_addons[0].user_input", equalTo("4711B"))
                .extract().path("shipment_id");
        as(demo).get("/ksa/shipment/" + id).then().statusCode(200)
                .body("selected_shipping_option.id", equalTo("budbee-home"))
                .body("selected_shipping_option.selected_addons", hasSize(1))
                .body("selected_shipping_option.selected_addons[0].external_id", equalTo("DOOR_CODE"))
                .body("selected_shipping_option.selected_addons[0].user_input", equalTo("4711B"));
    }

    @Test
    void linesWithoutWeightUseTheOrdersTotalWeight() {
        Map<String, Object> body = fixture("options-full-recipient");
        firstLineAttributes(body).remove("weight");
        order(body).put("total_weight", 25000);
        as(demo).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains("budbee-home", "store-pickup"))
                .body("shipping_options.find { it.id == 'budbee-home' }.price", equalTo(8900));
        firstLineAttributes(body).put("weight", 1000);
        as(demo).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.find { it.id == 'budbee-home' }.price", equalTo(5900));
    }

    @Test
    void theFreeFromThresholdFollowsTheOrdersTotalAmount() {
        Map<String, Object> body = fixture("options-full-recipient");
        order(body).put("total_amount", 60000);
        as(demo).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.find { it.id == 'postnord-service-point' }.price", equalTo(0));
        order(body).put("total_amount", 40000);
        as(demo).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.find { it.id == 'postnord-service-point' }.price", equalTo(4900));
    }

    @Test
    void withoutAnOrderTotalTheLinesTotalPricesCount() {
        Map<String, Object> body = fixture("options-full-recipient");
        order(body).remove("total_amount");
        @SuppressWarnings("unchecked") var line = ((List<Map<String, Object>>) order(body).get("lines")).getFirst();
        line.put("total_price_including_tax", 55000);
        as(demo).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.find { it.id == 'postnord-service-point' }.price", equalTo(0));
    }

    @Test
    void aBulkyTagInTheAttributesLeavesOnlyFreight() {
        Map<String, Object> body = fixture("options-full-recipient");
        firstLineAttributes(body).put("tags", List.of("bulky"));
        as(demo).body(body).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains("freight-home"))
                .body("shipping_options[0].features", contains(Map.of("class", "info", "type", "distributor-will-contact")));
    }

    @Test
    void theOptionsCallbackAnswersOnAllThreeSpellings() {
        for (String path : List.of("/ksa/shipping_options", "/ksa/shippingoptions", "/ksa/shipping-options")) {
            as(demo).body(fixture("options-full-recipient")).post(path).then().statusCode(200)
                    .body("shipping_options.id", contains(STOCKHOLM_PARCEL.toArray()));
        }
        String metrics = get("/metrics").then().extract().asString();
        for (String uri : List.of("/ksa/shipping_options", "/ksa/shippingoptions", "/ksa/shipping-options")) {
            assertThat(metrics,
                    containsString("http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"" + uri + "\"}"));
        }
    }

    @Test
    void sessionIdIsOptionalForOptionsAndRequiredForAShipment() {
        Map<String, Object> body = fixture("options-full-recipient");
        body.remove("session_id");
        as(demo).body(body).post("/ksa/shipping_options").then().statusCode(200);
        Map<String, Object> select = fixture("select-addons-data");
        select.remove("session_id");
        as(demo).body(select).post("/ksa/shipment").then().statusCode(400)
                .body("failure_reason", containsString("session_id"));
    }

    @Test
    void whatAShopperTypesIsNeverValidatedAway() {
        Map<String, Object> select = fixture("select-addons-data");
        select.put("session_id", "shape-half-typed");
        select.put("recipient", Map.of("country", " se ", "postal_code", "113 51", "email", "anna@", "phone", "+46 70"));
        as(demo).body(select).post("/ksa/shipment").then().statusCode(201);
        Map<String, Object> options = fixture("options-full-recipient");
        options.put("recipient", Map.of("country", "se", "postal_code", "11351", "email", "anna@"));
        as(demo).body(options).post("/ksa/shipping_options").then().statusCode(200)
                .body("shipping_options.id", contains(STOCKHOLM_PARCEL.toArray()));
    }

    @Test
    void unknownFieldsAreCountedByPath() {
        Map<String, Object> body = fixture("options-full-recipient");
        @SuppressWarnings("unchecked") var line = ((List<Map<String, Object>>) order(body).get("lines")).getFirst();
        line.put("klarna_new_thing", 1);
        body.put("surprise", Map.of("deep", true));
        as(demo).body(body).post("/ksa/shipping_options").then().statusCode(200);
        String metrics = get("/metrics").then().extract().asString();
        assertThat(metrics, containsString("leverans_klarna_unknown_fields_total{field=\"order.lines[].klarna_new_thing\"} 1.0"));
        assertThat(metrics, containsString("leverans_klarna_unknown_fields_total{field=\"surprise\"} 1.0"));
        assertThat(metrics, not(containsString("field=\"surprise.deep\"")));
        assertThat(metrics, not(containsString("field=\"recipient.")));
    }
}
