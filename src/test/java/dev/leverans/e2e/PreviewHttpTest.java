package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.line;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leverans.support.TestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private TestServer server;

    @BeforeAll
    void start() {
        server = new TestServer();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static ValidatableResponse preview(Map<String, Object> request, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("request", request);
        return given().header("X-Api-Key", "demo-merchant-api-key").contentType(ContentType.JSON).body(body)
                .post("/merchant/preview").then();
    }

    static Map<String, Object> cart(String postalCode, long orderValue, int grams) {
        return optionsRequest("preview", "SEK", "SE", postalCode, orderValue, List.of(line(grams, 40, 200, 300)));
    }

    @Test
    void aPostalExclusionIsNamedWithThePatternAndEveryOtherVerdictIsStillShown() {
        preview(cart("981 38", 29900, 1000), Map.of()).statusCode(200)
                .body("klarna_answer.shipping_options.id", not(hasItem("budbee-home")))
                .body("trace.find { it.option_id == 'budbee-home' }.offered", equalTo(false))
                .body("trace.find { it.option_id == 'budbee-home' }.conditions.find { it.condition == 'postal_codes' }.because",
                        equalTo("postal code 98138 is excluded by 98000..98999"))
                .body("trace.find { it.option_id == 'budbee-home' }.conditions.find { it.condition == 'weight_grams' }.passed",
                        equalTo(true))
                .body("trace.find { it.option_id == 'postnord-service-point' }.locations[0]", containsString("Kiruna"));
    }

    @Test
    void aCartAboveTheLastWeightTierAndAFreeThresholdAreExplained() {
        preview(cart("111 22", 29900, 35000), Map.of()).statusCode(200)
                .body("trace.find { it.option_id == 'budbee-home' }.price", equalTo("cart weight 35000 g is above the last price tier"))
                .body("trace.find { it.option_id == 'budbee-home' }.conditions.find { it.condition == 'weight_grams' }.because",
                        equalTo("cart weight 35000 g is above 30000 g"));
        preview(cart("111 22", 29900, 1000), Map.of()).statusCode(200)
                .body("trace.find { it.option_id == 'postnord-service-point' }.price",
                        equalTo("flat 4900; free from 50000, order value 29900 is below"))
                .body("trace.find { it.option_id == 'budbee-home' }.price", equalTo("weight tier up to 5000 g: 5900 (cart 1000 g)"));
        preview(cart("111 22", 60000, 1000), Map.of()).statusCode(200)
                .body("trace.find { it.option_id == 'postnord-service-point' }.price",
                        equalTo("free: order value 60000 reaches free_from 50000"))
                .body("klarna_answer.shipping_options.find { it.id == 'postnord-service-point' }.price", equalTo(0));
    }

    @Test
    void theCutOffMovesThePromiseAndTheTraceSaysWhy() {
        preview(cart("111 22", 29900, 1000), Map.of("at", "2026-12-02T10:00:00Z")).statusCode(200)
                .body("trace.find { it.option_id == 'budbee-home' }.promise", containsString("dispatched today (before the 14:00 cut-off)"));
        preview(cart("111 22", 29900, 1000), Map.of("at", "2026-12-02T15:00:00Z")).statusCode(200)
                .body("trace.find { it.option_id == 'budbee-home' }.promise", containsString("the 14:00 cut-off has passed"));
    }

    @Test
    void theAnswerIsExactlyWhatKlarnaGets() {
        Map<String, Object> request = cart("111 22", 29900, 1000);
        String klarna = as(token("demo", "demo-secret")).body(request).post("/ksa/shipping_options").then().statusCode(200)
                .extract().asString();
        String previewed = preview(request, Map.of()).statusCode(200).extract().asString();
        assertEquals(JSON.readTree(klarna), JSON.readTree(previewed).get("klarna_answer"));
    }

    @Test
    void aStoredVersionCanBePreviewedBeforeItIsActive() {
        String yaml = given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/config").then().extract().asString();
        int draft = given().header("X-Api-Key", "demo-merchant-api-key").contentType("application/yaml")
                .body(yaml.replace("SEK: 3900", "SEK: 3700").getBytes(StandardCharsets.UTF_8))
                .post("/merchant/config/versions").then().statusCode(201).extract().path("number");
        preview(cart("111 22", 29900, 1000), Map.of("version", draft)).statusCode(200).body("version", equalTo(draft))
                .body("klarna_answer.shipping_options.find { it.id == 'instabox-locker' }.price", equalTo(3700));
        preview(cart("111 22", 29900, 1000), Map.of()).statusCode(200).body("version", equalTo(1))
                .body("klarna_answer.shipping_options.find { it.id == 'instabox-locker' }.price", equalTo(3900));
        preview(cart("111 22", 29900, 1000), Map.of("version", 999)).statusCode(404);
    }

    @Test
    void badInputNamesTheField() {
        preview(cart("111 22", 29900, 1000), Map.of("at", "tomorrow")).statusCode(400).body("failure_reason", containsString("at:"));
        preview(cart("111 22", 29900, 1000), Map.of("at", "+999999999-12-31T23:59:59Z")).statusCode(400)
                .body("failure_reason", containsString("at: must be between"));
        given().header("X-Api-Key", "demo-merchant-api-key").contentType(ContentType.JSON).body(Map.of("at", "2026-12-02T10:00:00Z"))
                .post("/merchant/preview").then().statusCode(400).body("failure_reason", containsString("request"));
        preview(cart("111 22", 29900, 1000), Map.of("version", "two")).statusCode(400).body("failure_reason", containsString("version"));
        given().contentType(ContentType.JSON).body(Map.of("request", cart("111 22", 1, 1))).post("/merchant/preview").then().statusCode(401);
    }

    @Test
    void theKcoFallbackOptionsComeFromTheSameRulesInKlarnaCheckoutsShape() {
        var fallback = given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/kco-fallback?country=SE&currency=SEK")
                .then().statusCode(200).extract();
        List<Map<String, Object>> options = fallback.path("shipping_options");
        assertEquals(List.of("id", "name", "description", "price", "tax_amount", "tax_rate", "preselected", "shipping_method"),
                List.copyOf(options.getFirst().keySet()));
        assertEquals(1, options.stream().filter(o -> Boolean.TRUE.equals(o.get("preselected"))).count());
        Map<String, Object> emptyCart = Map.of("currency", "SEK", "locale", "sv-SE",
                "recipient", Map.of("country", "SE"), "order", Map.of("order_amount", 0, "order_lines", List.of()));
        List<Map<String, Object>> live = preview(emptyCart, Map.of()).statusCode(200).extract().path("klarna_answer.shipping_options");
        assertEquals(live.stream().map(o -> o.get("id") + "=" + o.get("price") + "/" + o.get("method")).toList(),
                options.stream().map(o -> o.get("id") + "=" + o.get("price") + "/" + o.get("shipping_method")).toList());
        given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/kco-fallback?country=DE&currency=EUR").then().statusCode(200)
                .body("shipping_options.id", equalTo(List.of("standard-delivery")));
        given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/kco-fallback?country=SE").then().statusCode(400)
                .body("failure_reason", containsString("currency"));
        given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/kco-fallback?country=SE&currency=JPY").then().statusCode(422);
    }
}
