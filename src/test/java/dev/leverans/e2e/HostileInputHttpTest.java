package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.leverans.auth.KlarnaDigest;
import dev.leverans.secrets.Secret;
import dev.leverans.support.TestServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** What an attacker or a careless client sends: never a 5xx, never Jetty's HTML, never a second use of a nonce. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputHttpTest {
    private TestServer server;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void start() {
        server = new TestServer();
        log.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        server.close();
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> auth(String identifier, String key, String nonce) {
        return Map.of("identifier", identifier, "secret", Map.of("nonce", nonce, "digest", KlarnaDigest.of(nonce, new Secret(key))));
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400AndLogsNothingAboveDebug() throws IOException {
        String answer = raw("POST /om/orders HTTP/1.1\r\nHost: x\r\nX-Api-Key: demo-merchant-api-key\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"shop");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("\"failure_reason\""), answer);
        assertTrue(log.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.INFO) && e.getLoggerName().contains("ErrorMapping")),
                "logged: " + log.list);
    }

    @Test
    void jettysOwnErrorsAreJsonToo() throws IOException {
        String badHeader = raw("GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
        assertTrue(badHeader.startsWith("HTTP/1.1 400") && badHeader.contains("application/json")
                && badHeader.contains("{\"failure_reason\":"), badHeader);
        given().queryParam("x", "a".repeat(20_000)).get("/merchant/shipments").then().statusCode(414)
                .contentType(ContentType.JSON).body("failure_reason", containsString("URI"));
        given().header("X-Big", "a".repeat(20_000)).get("/health").then().statusCode(431)
                .contentType(ContentType.JSON).body("failure_reason", containsString("Header"));
    }

    @Test
    void anUnsupportedMethodOnAKnownPathIs405WithAllow() {
        given().delete("/merchant/shipments").then().statusCode(405).header("Allow", "GET")
                .body("failure_reason", containsString("GET"));
        given().get("/ksa/shipment").then().statusCode(405).header("Allow", "POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "yesterday"})
    void instantsOutOfRangeOrMalformedAre400(String instant) {
        given().header("X-Api-Key", "demo-merchant-api-key").queryParam("changed_from", instant).get("/merchant/shipments")
                .then().statusCode(400).body("failure_reason", containsString("changed_from"));
    }

    @Test
    void hugeNumbersInKlarnasBodiesAreReadAsAbsentNotRefused() {
        String demo = token("demo", "demo-secret");
        as(demo).body("{\"currency\": \"SEK\", \"recipient\": {\"country\": \"SE\", \"postal_code\": \"11351\"}, "
                + "\"order\": {\"total_amount\": 1E+308, \"lines\": [{\"quantity\": 99999999999999999999999, "
                + "\"attributes\": {\"weight\": 1E+308}}]}}").post("/ksa/shipping_options").then().statusCode(200);
    }

    @Test
    void sessionIdsThatAreNotUnicodeAre400() {
        String demo = token("demo", "demo-secret");
        String body = "{\"currency\": \"SEK\", \"session_id\": \"s-\\ud800\", \"selected_shipping_option\": {\"id\": \"standard-delivery\"},"
                + " \"recipient\": {\"country\": \"SE\"}}";
        as(demo).body(body).post("/ksa/shipment").then().statusCode(400).body("failure_reason", containsString("session_id"));
        as(demo).body(body.replace("\\ud800", "\\ud83d\\ude00")).post("/ksa/shipment").then().statusCode(201);
    }

    @Test
    void aNonceIsAcceptedOncePerMerchant() {
        Map<String, Object> first = auth("demo", "demo-secret", "replayed-nonce");
        given().contentType(ContentType.JSON).body(first).post("/ksa/auth").then().statusCode(201);
        given().contentType(ContentType.JSON).body(first).post("/ksa/auth").then().statusCode(401);
        given().contentType(ContentType.JSON).body(auth("demo-outlet", "outlet-secret", "replayed-nonce")).post("/ksa/auth")
                .then().statusCode(201);
    }

    @Test
    void aNonceMayComeBackOnlyAfterTheReplayWindow() {
        Map<String, Object> body = auth("demo", "demo-secret", "nonce-after-window");
        given().contentType(ContentType.JSON).body(body).post("/ksa/auth").then().statusCode(201);
        server.clock.advance(Duration.ofMinutes(59));
        given().contentType(ContentType.JSON).body(body).post("/ksa/auth").then().statusCode(401);
        server.clock.advance(Duration.ofMinutes(2));
        given().contentType(ContentType.JSON).body(body).post("/ksa/auth").then().statusCode(201);
        server.clock.set(TestServer.WEDNESDAY_MORNING);
    }
}
