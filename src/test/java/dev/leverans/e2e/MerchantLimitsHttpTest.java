package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.TestServer;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-merchant limits through HTTP: 429 with Retry-After for the merchant over its limit, nobody else. */
class MerchantLimitsHttpTest {
    private TestServer server;

    @AfterEach
    void stop() { server.close(); }

    @Test
    void aMerchantOverItsRateGets429WithRetryAfterAndAnotherMerchantIsServed() {
        server = new TestServer(Map.of("LEVERANS_MERCHANT_RPS", "3"));
        String demo = token("demo", "demo-secret");
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            Response r = as(demo).body(optionsRequest("rate-" + i)).post("/ksa/shipping_options");
            if (r.statusCode() == 429) {
                refused++;
                assertEquals("1", r.header("Retry-After"));
                r.then().body("failure_reason", equalTo("merchant demo is over its limit of 3 requests per second on this instance"));
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        assertEquals(true, refused >= 6, refused + " of 10 refused at 3 per second");
        given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments").then().statusCode(429);
        given().header("X-Api-Key", "outlet-merchant-api-key").get("/merchant/shipments").then().statusCode(200);
    }

    @Test
    void aConcurrencySlotIsGivenBackWithEveryAnswerSuccessOrError() {
        server = new TestServer(Map.of("LEVERANS_MERCHANT_CONCURRENCY", "1"));
        for (int i = 0; i < 5; i++) {
            given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments").then().statusCode(200);
            given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments/no-such-id").then().statusCode(404);
            given().header("X-Api-Key", "demo-merchant-api-key").contentType("application/json").body("{")
                    .post("/merchant/preview").then().statusCode(400);
        }
    }

    @Test
    void aVersionsLimitsWinOverTheServerDefault() {
        server = new TestServer(Map.of("LEVERANS_MERCHANT_RPS", "2"));
        String yaml = given().header("X-Api-Key", "outlet-merchant-api-key").accept("application/yaml").get("/merchant/config")
                .then().statusCode(200).extract().asString();
        int version = given().header("X-Api-Key", "outlet-merchant-api-key").contentType("application/yaml")
                .body((yaml + "limits: {requests_per_second: 1000}\n").getBytes(StandardCharsets.UTF_8)).post("/merchant/config/versions").then().statusCode(201)
                .extract().path("number");
        sleepASecond(); // the two calls above used the default budget of 2 per second
        given().header("X-Api-Key", "outlet-merchant-api-key").post("/merchant/config/versions/" + version + "/activate")
                .then().statusCode(200);
        for (int i = 0; i < 20; i++) {
            given().header("X-Api-Key", "outlet-merchant-api-key").get("/merchant/shipments").then().statusCode(200);
        }
        given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments").then().statusCode(200);
        given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments").then().statusCode(200);
        given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments").then().statusCode(429)
                .body("failure_reason", containsString("2 requests per second"));
    }

    @Test
    void perMerchantMetricsKeepTheirLabelsBounded() {
        server = TestServer.withSettings(settings -> settings.replace("merchant_labels: 100", "merchant_labels: 1"));
        as(token("demo", "demo-secret")).body(optionsRequest("labels-1")).post("/ksa/shipping_options").then().statusCode(200);
        given().header("X-Api-Key", "outlet-merchant-api-key").get("/merchant/shipments/nope").then().statusCode(404);
        String metrics = given().get("/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("leverans_merchant_requests_seconds_count{merchant=\"demo\",outcome=\"2xx\"} 2"),
                "/auth and /shipping_options: " + metrics);
        assertTrue(metrics.contains("leverans_merchant_requests_seconds_count{merchant=\"other\",outcome=\"4xx\"} 1"), metrics);
        assertTrue(metrics.contains("leverans_shipping_options_returned_count{merchant=\"demo\"} 1"), metrics);
        assertFalse(metrics.contains("merchant=\"demo-outlet\""), "over the cap: no label of its own");
    }

    private static void sleepASecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
