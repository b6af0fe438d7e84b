package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import dev.leverans.auth.KlarnaDigest;
import dev.leverans.auth.TokenService;
import dev.leverans.config.ServerConfig;
import dev.leverans.secrets.Secret;
import dev.leverans.secrets.SigningKey;
import dev.leverans.support.DemoConfig;
import dev.leverans.support.TestServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code enabled: false} in a merchant file: Klarna gets 401, the merchant's API keys 403; the other merchant is served. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisabledMerchantHttpTest {
    private TestServer server;

    @BeforeAll
    void start() throws IOException {
        Path merchants = DemoConfig.merchantsWith(Files.createTempDirectory(Path.of("target"), "merchants-"), "demo-outlet.yaml",
                yaml -> yaml.replace("name: Demo Outlet AB\n", "name: Demo Outlet AB\nenabled: false\n"));
        server = TestServer.withSettings(settings -> settings.replace(DemoConfig.MERCHANTS.toAbsolutePath().toString(),
                merchants.toAbsolutePath().toString()));
    }

    @AfterAll
    void stop() { server.close(); }

    @Test
    void klarnaGets401ForADisabledMerchant() {
        given().contentType(ContentType.JSON)
                .body(Map.of("identifier", "demo-outlet", "secret", Map.of("nonce", "n-1", "digest", KlarnaDigest.of("n-1", new Secret("outlet-secret")))))
                .post("/ksa/auth").then().statusCode(401).body(emptyString());
        as(token("demo", "demo-secret")).body(optionsRequest("enabled-1")).post("/ksa/shipping_options").then().statusCode(200);
    }

    @Test
    void aTokenIssuedBeforeTheMerchantWasDisabledIsRefused() {
        String earlier = new TokenService(List.of(new SigningKey(ServerConfig.SINGLE_KEY_ID, new Secret(TestServer.SIGNING_KEY))),
                "leverans", Duration.ofHours(1), server.clock).issue("demo-outlet").token();
        as(earlier).body(optionsRequest("enabled-2")).post("/ksa/shipping_options").then().statusCode(401);
    }

    @Test
    void itsApiKeysGet403NamingTheMerchant() {
        given().header("X-Api-Key", "outlet-merchant-api-key").get("/merchant/shipments").then().statusCode(403)
                .body("failure_reason", equalTo("merchant demo-outlet is disabled"));
        given().header("X-Api-Key", "outlet-merchant-api-key").get("/om/orders").then().statusCode(403);
        given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments").then().statusCode(200);
        given().header("X-Api-Key", "not-a-key-of-anyone").get("/merchant/shipments").then().statusCode(401);
    }
}
