package dev.leverans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final int ROUNDS = 3;

    @Test
    void everyAcknowledgedReservationSurvivesKillDashNine() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "durability-");
        Map<String, String> env = Map.of("LEVERANS_DATA_DIR", dataDir.toString());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < ROUNDS; round++) {
            try (ServerProcess server = ServerProcess.start(dataDir, env)) {
                assertAllPresent(server, acknowledged);
                Set<String> acknowledgedThisRound = reserveUntilKilled(server);
                System.out.printf("round %d: %d reservations acknowledged before SIGKILL%n", round, acknowledgedThisRound.size());
                acknowledged.addAll(acknowledgedThisRound);
            }
        }
        try (ServerProcess server = ServerProcess.start(dataDir, env)) {
            assertTrue(acknowledged.size() > 100, "only " + acknowledged.size() + " reservations were acknowledged");
            assertAllPresent(server, acknowledged);
        }
    }

    /** Eight clients reserve as fast as they can; after a second of load the server gets SIGKILL. */
    private Set<String> reserveUntilKilled(ServerProcess server) throws Exception {
        String token = server.token("demo", "demo-secret");
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = server.post("/ksa/shipment", token, selectBody(UUID.randomUUID().toString()));
                        if (r.statusCode() == 201) ids.add(match(SHIPMENT_ID, r.body()));
                    } catch (IOException e) {
                        return null;   // the server is gone
                    }
                }
                return null;
            });
        }
        Thread.sleep(1500);
        server.kill();
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        return ids;
    }

    private static void assertAllPresent(ServerProcess server, Set<String> ids) throws Exception {
        String token = server.token("demo", "demo-secret");
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            int status = server.get("/ksa/shipment/" + id, token).statusCode();
            if (status != 200) missing.add(id + " (" + status + ")");
        }
        assertEquals(List.of(), missing, missing.size() + " of " + ids.size() + " acknowledged reservations lost");
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
}
