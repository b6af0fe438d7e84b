package dev.leverans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.auth.KlarnaDigest;
import dev.leverans.secrets.Secret;
import dev.leverans.support.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A separate server process acknowledges reservations under load and is killed with SIGKILL; a new
 * process on the same data directory must have every acknowledged reservation.
 */
class DurabilityTest {
    private static final Pattern SHIPMENT_ID = Pattern.compile("\"shipment_id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final int ROUNDS = 3;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedReservationSurvivesKillDashNine() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "durability-");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < ROUNDS; round++) {
            int port = freePort();
            Process server = startServer(port, dataDir);
            try {
                waitUntilHealthy(port);
                assertAllPresent(port, acknowledged);
                Set<String> acknowledgedThisRound = reserveUntilKilled(port, server);
                System.out.printf("round %d: %d reservations acknowledged before SIGKILL%n", round, acknowledgedThisRound.size());
                acknowledged.addAll(acknowledgedThisRound);
            } finally {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        int port = freePort();
        Process server = startServer(port, dataDir);
        try {
            waitUntilHealthy(port);
            assertTrue(acknowledged.size() > 100, "only " + acknowledged.size() + " reservations were acknowledged");
            assertAllPresent(port, acknowledged);
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Eight clients reserve as fast as they can; after a second of load the server gets SIGKILL. */
    private Set<String> reserveUntilKilled(int port, Process server) throws Exception {
        String token = token(port);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = post(port, "/ksa/shipment", token, selectBody(UUID.randomUUID().toString()));
                        if (r.statusCode() == 201) ids.add(match(SHIPMENT_ID, r.body()));
                    } catch (IOException e) {
                        return null;   // the server is gone
                    }
                }
                return null;
            });
        }
        Thread.sleep(1500);
        server.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no flush
        server.waitFor(10, TimeUnit.SECONDS);
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        return ids;
    }

    private void assertAllPresent(int port, Set<String> ids) throws Exception {
        String token = token(port);
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ksa/shipment/" + id))
                    .header("Authorization", "Bearer " + token).GET().build();
            int status = http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status != 200) missing.add(id + " (" + status + ")");
        }
        assertEquals(List.of(), missing, missing.size() + " of " + ids.size() + " acknowledged reservations lost");
    }

    private Process startServer(int port, Path dataDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=target",
                "-cp", System.getProperty("java.class.path"), "dev.leverans.Main")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server-" + port + ".log").toFile());
        pb.environment().put("LEVERANS_PORT", Integer.toString(port));
        pb.environment().put("LEVERANS_HOST", "127.0.0.1");
        pb.environment().put("LEVERANS_DATA_DIR", dataDir.toString());
        pb.environment().put("LEVERANS_TOKEN_SIGNING_KEY", TestServer.SIGNING_KEY);
        // The load and the read-back are one merchant's, far over the demo's per-merchant limits.
        pb.environment().put("LEVERANS_MERCHANT_RPS", "0");
        pb.environment().put("LEVERANS_MERCHANT_CONCURRENCY", "0");
        return pb.start();
    }

    private void waitUntilHealthy(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).GET().build();
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("server on port " + port + " did not become healthy");
    }

    private String token(int port) throws Exception {
        String nonce = UUID.randomUUID().toString();
        String body = "{\"identifier\":\"demo\",\"secret\":{\"nonce\":\"" + nonce + "\",\"digest\":\""
                + KlarnaDigest.of(nonce, new Secret("demo-secret")) + "\"}}";
        return match(TOKEN, post(port, "/ksa/auth", null, body).body());
    }

    private HttpResponse<String> post(int port, String path, String token, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String selectBody(String session) {
        return "{\"session_id\":\"" + session + "\",\"currency\":\"SEK\",\"locale\":\"sv-SE\","
                + "\"order\":{\"order_amount\":29900,\"order_lines\":[{\"reference\":\"B\",\"quantity\":1,\"total_amount\":29900,"
                + "\"shipping_attributes\":{\"weight\":1000,\"dimensions\":{\"height\":40,\"width\":200,\"length\":300}}}]},"
                + "\"address\":{\"country\":\"SE\",\"postal_code\":\"11122\"},"
                + "\"selected_shipping_option\":{\"id\":\"postnord-service-point\"}}";
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) throw new AssertionError("unexpected answer: " + body);
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
