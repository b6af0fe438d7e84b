package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.optionsRequest;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.leverans.auth.KlarnaDigest;
import dev.leverans.secrets.Secret;
import dev.leverans.support.TestServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthHttpTest {
    private TestServer server;

    @BeforeAll
    void start() { server = new TestServer(); }

    @AfterAll
    void stop() { server.close(); }

    private static Map<String, Object> authBody(String identifier, String nonce, String digest) {
        return Map.of("identifier", identifier, "secret", Map.of("nonce", nonce, "digest", digest));
    }

    @Test
    void aTokenFromOneInstanceWorksOnAnotherWithTheSameKeysAndAcrossARotation() {
        String k1 = "k1:" + "1".repeat(40), k2 = "k2:" + "2".repeat(40);
        int own = RestAssured.port;
        try (TestServer a = new TestServer(Map.of("LEVERANS_TOKEN_SIGNING_KEYS", k1));
             TestServer b = new TestServer(Map.of("LEVERANS_TOKEN_SIGNING_KEYS", k2 + "," + k1))) {
            int portA = a.port, portB = b.port;
            RestAssured.port = portA;
            String fromA = token("demo", "demo-secret");
            RestAssured.port = portB;
            String fromB = token("demo", "demo-secret");
            as(fromA).body(optionsRequest("inst-1")).post("/ksa/shipping_options").then().statusCode(200);
            as(fromB).body(optionsRequest("inst-2")).post("/ksa/shipping_options").then().statusCode(200);
            RestAssured.port = portA;
            as(fromB).body(optionsRequest("inst-3")).post("/ksa/shipping_options").then().statusCode(401);
        } finally {
            RestAssured.port = own;
        }
    }

    @Test
    void aCorrectDigestGetsASignedToken() {
        String digest = KlarnaDigest.of("lRFUpqW7Xd", new Secret("demo-secret")).toUpperCase(Locale.ROOT);
        given().contentType(ContentType.JSON).body(authBody("demo", "lRFUpqW7Xd", digest))
                .post("/ksa/auth").then().statusCode(201)
                .body("token", notNullValue()).body("expires_in", equalTo(3600));
    }

    @Test
    void aWrongDigestOrUnknownIdentifierGets401WithoutBody() {
        String digest = KlarnaDigest.of("n", new Secret("wrong-key"));
        given().contentType(ContentType.JSON).body(authBody("demo", "n", digest))
                .post("/ksa/auth").then().statusCode(401).body(emptyString());
        given().contentType(ContentType.JSON).body(authBody("nobody", "n", KlarnaDigest.of("n", new Secret("demo-secret"))))
                .post("/ksa/auth").then().statusCode(401).body(emptyString());
    }

    @Test
    void aMalformedAuthBodyGets400NamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("identifier", "demo", "secret", Map.of("nonce", "n")))
                .post("/ksa/auth").then().statusCode(400).body("failure_reason", containsString("secret.digest"));
        given().contentType(ContentType.JSON).body(Map.of("secret", Map.of("nonce", "n", "digest", "x".repeat(64))))
                .post("/ksa/auth").then().statusCode(400).body("failure_reason", containsString("identifier"));
    }

    @Test
    void callbacksWithoutAValidTokenGet401() {
        given().contentType(ContentType.JSON).body(optionsRequest("s")).post("/ksa/shipping_options").then().statusCode(401).body(emptyString());
        as("garbage").body(optionsRequest("s")).post("/ksa/shipping_options").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Basic ZGVtbzpkZW1vLXNlY3JldA==")
                .body(optionsRequest("s")).post("/ksa/shipping_options").then().statusCode(401);
    }

    @Test
    void tamperedAndAlgNoneTokensGet401() {
        String[] parts = token("demo", "demo-secret").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"demo\"", "\"demo-outlet\"");
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        as(parts[0] + "." + tamperedPayload + "." + parts[2]).body(optionsRequest("s")).post("/ksa/shipping_options").then().statusCode(401);
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        as(none + "." + tamperedPayload + ".").body(optionsRequest("s")).post("/ksa/shipping_options").then().statusCode(401);
    }

    @Test
    void expiredTokensGet401() {
        String token = token("demo", "demo-secret");
        as(token).body(optionsRequest("s")).post("/ksa/shipping_options").then().statusCode(200);
        server.clock.advance(Duration.ofHours(2));
        try {
            as(token).body(optionsRequest("s")).post("/ksa/shipping_options").then().statusCode(401);
        } finally {
            server.clock.set(TestServer.WEDNESDAY_MORNING);
        }
    }
}
