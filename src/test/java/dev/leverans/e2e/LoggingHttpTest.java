package dev.leverans.e2e;

import static dev.leverans.support.Klarna.as;
import static dev.leverans.support.Klarna.fixture;
import static dev.leverans.support.Klarna.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.leverans.logging.EscapedMessageConverter;
import dev.leverans.support.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Log lines an operator can trust: escaped, without secrets, one access line per request with its id. */
class LoggingHttpTest {
    private static final String FORGED = "\r\n2026-01-01T00:00:00.000Z ERROR [main] dev.leverans.Leverans - FORGED \u001b[31mred";

    private static <T> T capturing(ListAppender<ILoggingEvent> log, Supplier<T> work) {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger access = (Logger) LoggerFactory.getLogger("dev.leverans.access");
        log.start();
        root.addAppender(log);
        access.addAppender(log);
        try {
            return work.get();
        } finally {
            root.detachAppender(log);
            access.detachAppender(log);
        }
    }

    /** Each event as the text log writes its message. */
    private static List<String> rendered(ListAppender<ILoggingEvent> log) {
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.getInstanceConverterMap().put("safeMsg", EscapedMessageConverter::new);
        layout.setPattern("%safeMsg");
        layout.start();
        return log.list.stream().map(layout::doLayout).toList();
    }

    @Test
    void valuesFromRequestsCannotForgeLinesAndSecretsNeverAppear() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        try (TestServer ignored = new TestServer()) {
            String demo = capturing(log, () -> {
                String token = token("demo", "demo-secret");
                Map<String, Object> body = new HashMap<>(fixture("options-full-recipient"));
                body.put("field" + FORGED, 1);
                as(token).body(body).post("/ksa/shipping_options").then().statusCode(200);
                given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments").then().statusCode(200);
                return token;
            });
            List<String> lines = rendered(log);
            assertTrue(lines.stream().anyMatch(l -> l.contains("FORGED")), "the unknown field is logged: " + lines);
            for (String line : lines) {
                assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u001b"), "unescaped: " + line);
                for (String secret : List.of("demo-secret", demo, "demo-merchant-api-key", "Svensson")) {
                    assertFalse(line.contains(secret), "secret in log: " + line);
                }
            }
        }
    }

    @Test
    void everyRequestHasAnIdAndOneAccessLine() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        try (TestServer ignored = new TestServer()) {
            capturing(log, () -> {
                given().header("X-Request-Id", "shop-abc-123").get("/health").then().statusCode(200)
                        .header("X-Request-Id", "shop-abc-123");
                given().header("X-Request-Id", "x".repeat(200)).get("/health").then()
                        .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
                given().get("/health").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
                given().header("X-Api-Key", "demo-merchant-api-key").get("/merchant/shipments/nope").then().statusCode(404);
                return null;
            });
            List<ILoggingEvent> access = accessLines(log, 4);
            assertEquals(4, access.size(), "one line per request: " + access);
            assertEquals("GET /health 200", access.getFirst().getFormattedMessage().replaceAll(" [0-9.]+ ms$", ""));
            assertEquals("shop-abc-123", access.getFirst().getMDCPropertyMap().get("request_id"));
            ILoggingEvent notFound = access.getLast();
            assertEquals("GET /merchant/shipments/{id} 404", notFound.getFormattedMessage().replaceAll(" [0-9.]+ ms$", ""));
            assertEquals("demo", notFound.getMDCPropertyMap().get("merchant"));
        }
    }

    @Test
    void theClientAddressIsTheForwardedOneOnlyFromATrustedProxy() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        try (TestServer ignored = new TestServer()) {
            capturing(log, () -> given().header("X-Forwarded-For", "198.51.100.1").get("/health").then().statusCode(200));
            assertEquals("127.0.0.1", accessLines(log, 1).getFirst().getMDCPropertyMap().get("client"), "no trusted proxy: the peer");
        }
        log = new ListAppender<>();
        try (TestServer ignored = new TestServer(Map.of("LEVERANS_TRUSTED_PROXIES", "127.0.0.0/8, ::1"))) {
            ListAppender<ILoggingEvent> trusted = log;
            capturing(trusted, () -> {
                given().header("X-Forwarded-For", "198.51.100.1").get("/health").then().statusCode(200);
                given().header("X-Forwarded-For", "203.0.113.9, 198.51.100.1, 127.0.0.1").get("/health").then().statusCode(200);
                given().header("Forwarded", "for=\"[2001:db8::7]:4711\";proto=https").get("/health").then().statusCode(200);
                return given().header("X-Forwarded-For", "unknown").get("/health").then().statusCode(200);
            });
            assertEquals(List.of("198.51.100.1", "198.51.100.1", "2001:db8::7", "127.0.0.1"),
                    accessLines(log, 4).stream().map(e -> e.getMDCPropertyMap().get("client")).toList(),
                    "the rightmost address that is not one of our proxies; a claim further left is the client's own");
        }
    }

    /** The access line is written just after the answer; give it a moment to arrive. */
    private static List<ILoggingEvent> accessLines(ListAppender<ILoggingEvent> log, int expected) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<ILoggingEvent> access;
        do {
            access = List.copyOf(log.list).stream().filter(e -> e.getLoggerName().equals("dev.leverans.access")).toList();
        } while (access.size() < expected && System.nanoTime() < deadline && pause());
        return access;
    }

    private static boolean pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Test
    void theAccessLogCanBeTurnedOff() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        try (TestServer ignored = TestServer.withSettings(s -> s.replace("${LEVERANS_ACCESS_LOG:-true}", "false"))) {
            capturing(log, () -> given().get("/health").then().statusCode(200));
            assertTrue(log.list.stream().noneMatch(e -> e.getLoggerName().equals("dev.leverans.access")));
        }
    }
}
