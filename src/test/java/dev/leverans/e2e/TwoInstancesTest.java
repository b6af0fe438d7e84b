package dev.leverans.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.config.DatabaseSettings;
import dev.leverans.ordermanagement.OrderManagementHttpTest;
import dev.leverans.support.DemoConfig;
import dev.leverans.support.EmbeddedPg;
import dev.leverans.support.FakeKlarnaOm;
import dev.leverans.support.Klarna;
import dev.leverans.support.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two server processes on one (embedded) PostgreSQL, as a TMS partner runs them: what one
 * acknowledges the other sees, one reservation per session whichever instance Klarna reaches,
 * tokens and configuration shared, and an instance killed while sending Klarna calls loses none
 * and doubles none.
 */
class TwoInstancesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> API_KEY = Map.of("X-Api-Key", "demo-merchant-api-key", "Content-Type", "application/json");

    private DatabaseSettings database;
    private FakeKlarnaOm klarna;
    private Map<String, String> env;
    private Path dir;
    private Path settings;
    private final List<ServerProcess> servers = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        database = EmbeddedPg.newDatabase();
        klarna = new FakeKlarnaOm();
        dir = Files.createTempDirectory(Path.of("target"), "two-instances-");
        // Short Klarna calls and claims, so a crashed instance's calls are replayed within seconds.
        settings = Files.writeString(dir.resolve("leverans.yaml"), Files.readString(DemoConfig.SERVER_FILE)
                .replace("directory: merchants", "directory: " + DemoConfig.MERCHANTS.toAbsolutePath())
                .replace("attempts: 4", "attempts: 1").replace("timeout_seconds: 10", "timeout_seconds: 4")
                .replace("claim_seconds: 120", "claim_seconds: 5"));
        env = Map.of("LEVERANS_STORAGE", "postgresql", "LEVERANS_DB_URL", database.url(), "LEVERANS_DB_USER", database.user(),
                "KLARNA_OM_BASE_URL", klarna.baseUrl(), "LEVERANS_OM_BACKOFF_MILLIS", "5",
                "LEVERANS_DATA_DIR", dir.resolve("unused").toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ServerProcess s : servers) s.close();
        klarna.close();
    }

    private ServerProcess start() throws Exception {
        ServerProcess s = ServerProcess.start(dir, env, "--config", settings.toString());
        servers.add(s);
        return s;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void bothInstancesServeOneStateAndOneReservationPerSession() throws Exception {
        ServerProcess a = start();
        ServerProcess b = start();
        String tokenA = a.token("demo", "demo-secret");

        // 40 sessions, each selected 6 times at once, alternating between the instances, with A's token on both.
        int sessions = 40;
        ExecutorService clients = Executors.newFixedThreadPool(12);
        Map<String, Set<String>> idsBySession = new ConcurrentHashMap<>();
        List<Future<Integer>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int s = 0; s < sessions; s++) {
            String session = "two-" + s + "-" + UUID.randomUUID();
            for (int i = 0; i < 6; i++) {
                ServerProcess target = i % 2 == 0 ? a : b;
                answers.add(clients.submit(() -> {
                    go.await();
                    HttpResponse<String> r = target.post("/ksa/shipment", tokenA,
                            JSON.writeValueAsString(Klarna.selectRequest(session, "postnord-service-point")));
                    if (r.statusCode() == 201 || r.statusCode() == 200) {
                        idsBySession.computeIfAbsent(session, k -> ConcurrentHashMap.newKeySet()).add(json(r).get("shipment_id").asString());
                    }
                    return r.statusCode();
                }));
            }
        }
        go.countDown();
        for (Future<Integer> f : answers) assertTrue(Set.of(200, 201).contains(f.get(60, TimeUnit.SECONDS)), "a select failed");
        clients.shutdown();
        assertEquals(sessions, idsBySession.size());
        idsBySession.forEach((session, ids) -> assertEquals(1, ids.size(), session + " got " + ids));
        String tokenB = b.token("demo", "demo-secret");
        for (Set<String> ids : idsBySession.values()) {
            String id = ids.iterator().next();
            assertEquals(200, a.get("/ksa/shipment/" + id, tokenB).statusCode(), "B's token on A");
            assertEquals(200, b.get("/ksa/shipment/" + id, tokenA).statusCode(), "A's token on B");
        }

        // A version activated on A is what B serves within a second.
        String active = a.send("GET", "/merchant/config", API_KEY, null).body();
        String cheaper = ConfigVersionsHttpTest.cheaper(active);
        HttpResponse<String> draft = a.send("POST", "/merchant/config/versions",
                Map.of("X-Api-Key", "demo-merchant-api-key", "Content-Type", "application/yaml"), cheaper);
        assertEquals(201, draft.statusCode(), draft.body());
        int number = json(draft).get("number").asInt();
        assertTrue(servedPrices(b, tokenB).contains(3900), "B serves the demo prices first");
        HttpResponse<String> activated = a.send("POST", "/merchant/config/versions/" + number + "/activate", API_KEY, null);
        assertEquals(200, activated.statusCode(), activated.body());
        long start = System.nanoTime();
        while (!servedPrices(b, tokenB).contains(3700)) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "B still serves the old version after 5 s");
            Thread.sleep(20);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("version %d activated on A was served by B after %d ms%n", number, millis);
        assertTrue(millis < 1000, "B served the new version after " + millis + " ms");
    }

    private static List<Integer> servedPrices(ServerProcess server, String token) throws Exception {
        HttpResponse<String> r = server.post("/ksa/shipping_options", token,
                JSON.writeValueAsString(Klarna.optionsRequest("prices-" + UUID.randomUUID())));
        assertEquals(200, r.statusCode(), r.body());
        List<Integer> prices = new ArrayList<>();
        json(r).get("shipping_options").forEach(o -> prices.add(o.get("price").asInt()));
        return prices;
    }

    @Test
    void callsOfAnInstanceKilledWhileSendingAreSentOnceByTheOther() throws Exception {
        ServerProcess a = start();
        ServerProcess b = start();
        int orders = 5;
        Map<String, String> klarnaIds = new HashMap<>();
        for (int i = 0; i < orders; i++) {
            String klarnaId = "K-" + UUID.randomUUID();
            klarna.createOrder(klarnaId, OrderManagementHttpTest.TOTAL);
            klarnaIds.put("SO-" + i, klarnaId);
            HttpResponse<String> r = a.send("POST", "/om/orders", API_KEY, JSON.writeValueAsString(Map.of("shop_order_id", "SO-" + i,
                    "klarna_order_id", klarnaId, "currency", "SEK", "order_amount", OrderManagementHttpTest.TOTAL,
                    "order_lines", List.of(OrderManagementHttpTest.BOOTS, OrderManagementHttpTest.SHIPPING))));
            assertEquals(201, r.statusCode(), r.body());
        }
        // Klarna is slow: A decides every capture, claims it and is still waiting for Klarna when it is killed.
        klarna.delay(1500);
        ExecutorService shop = Executors.newFixedThreadPool(orders);
        for (String shopOrderId : klarnaIds.keySet()) {
            shop.submit(() -> a.send("POST", "/om/orders/" + shopOrderId + "/status", API_KEY, "{\"status\":\"completed\"}"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pendingCalls() < orders) {
            assertTrue(System.nanoTime() < deadline, "A never held all " + orders + " calls");
            Thread.sleep(20);
        }
        a.kill();
        shop.shutdownNow();
        klarna.delay(0);
        Map<String, Integer> capturesSentBeforeKill = new HashMap<>();
        Thread.sleep(1600); // the requests A had sent arrive at Klarna (the fake finishes them after its delay)
        klarnaIds.forEach((so, k) -> capturesSentBeforeKill.put(so, klarna.requests("POST", k + "/captures").size()));

        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        for (String shopOrderId : klarnaIds.keySet()) {
            while (!json(b.send("GET", "/om/orders/" + shopOrderId, API_KEY, null)).get("state").asString().equals("captured")) {
                assertTrue(System.nanoTime() < deadline, shopOrderId + " was not captured through B; see " + b.log);
                Thread.sleep(100);
            }
        }
        for (var order : klarnaIds.entrySet()) {
            String k = order.getValue();
            List<FakeKlarnaOm.Request> sent = klarna.requests("POST", k + "/captures");
            assertEquals(1, klarna.order(k).captures.size(), order.getKey() + ": one capture at Klarna");
            assertEquals(OrderManagementHttpTest.TOTAL, klarna.order(k).captured);
            assertEquals(1, sent.stream().map(FakeKlarnaOm.Request::idempotencyKey).distinct().count(), "one idempotency key");
            assertEquals(capturesSentBeforeKill.get(order.getKey()) + 1, sent.size(), order.getKey() + ": B sent the call exactly once");
        }
        assertEquals(0, pendingCalls());
    }

    private int pendingCalls() throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM om_outbox WHERE status = 'pending'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
