package dev.leverans;

import dev.leverans.auth.Authenticator;
import dev.leverans.auth.TokenService;
import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.EnvSubstitution;
import dev.leverans.config.ServerConfig;
import dev.leverans.merchantui.MerchantPage;
import dev.leverans.secrets.SigningKey;
import dev.leverans.klarna.CallbackMetrics;
import dev.leverans.klarna.CapturedRequests;
import dev.leverans.klarna.UnknownFields;
import dev.leverans.klarna.KlarnaCallbacks;
import dev.leverans.klarna.KlarnaResponses;
import dev.leverans.http.ApiKeyAuth;
import dev.leverans.merchantapi.ConfigApi;
import dev.leverans.merchantapi.KcoFallbackApi;
import dev.leverans.merchantapi.MerchantApi;
import dev.leverans.merchantapi.PreviewApi;
import dev.leverans.merchantapi.TestCartApi;
import dev.leverans.ordermanagement.KlarnaOmClient;
import dev.leverans.ordermanagement.OmApi;
import dev.leverans.ordermanagement.OmMetrics;
import dev.leverans.ordermanagement.OmViews;
import dev.leverans.ordermanagement.OrderManagement;
import dev.leverans.ordermanagement.ReservedShipmentInfo;
import dev.leverans.merchantapi.MerchantViews;
import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.ConfigVersions;
import dev.leverans.merchants.MerchantDirectory;
import dev.leverans.merchants.MerchantLoader;
import dev.leverans.merchants.MerchantRegistry;
import dev.leverans.http.AccessLog;
import dev.leverans.http.ClientOrigin;
import dev.leverans.server.BackgroundChores;
import dev.leverans.server.ErrorMapping;
import dev.leverans.server.Health;
import dev.leverans.server.HttpMetrics;
import dev.leverans.http.Json;
import dev.leverans.server.JsonErrorHandler;
import dev.leverans.http.JsonResponses;
import dev.leverans.http.MerchantLabels;
import dev.leverans.http.MerchantLimiter;
import dev.leverans.server.ProcessMemoryMetrics;
import dev.leverans.http.RequestBodies;
import dev.leverans.server.Routes;
import dev.leverans.shipments.ShipmentService;
import dev.leverans.shipments.ShipmentStatus;
import io.micrometer.core.instrument.Counter;
import dev.leverans.storage.SqlConfigVersionStore;
import dev.leverans.storage.SqlNonceStore;
import dev.leverans.storage.SqlOmStore;
import dev.leverans.storage.SqlShipmentStore;
import dev.leverans.storage.Database;
import dev.leverans.storage.Databases;
import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import io.javalin.json.JavalinJackson3;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The composition root: builds every part from the configuration and owns their lifecycle. */
public final class Leverans implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leverans.class);
    private static final Set<String> DEMO_KEYS = Set.of("demo-secret", "outlet-secret");
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;
    /** This process among the instances sharing a database (it holds claims on outbox calls under this name). */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private static final Executor STARTUP = Executors.newCachedThreadPool(Thread.ofPlatform().name("leverans-startup").daemon(true).factory());

    private final ServerConfig config;
    private final SqlShipmentStore store;
    private final ShipmentService shipments;
    private final OrderManagement orderManagement;
    private final SqlNonceStore nonces;
    private final ConfigVersions versions;
    private final Clock clock;
    private final Javalin app;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final GracefulHandler inFlight = new GracefulHandler();
    private final BackgroundChores chores = new BackgroundChores();

    public Leverans(ServerConfig config, Function<String, String> env, Clock clock) {
        this.config = config;
        this.clock = clock;
        JsonMapper json = Json.mapper();
        // Opening the database and compiling the request schemas run beside loading the merchants:
        // each is mostly class loading, and together they were most of the cold start.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Databases.open(config.storage()), STARTUP);
        CompletableFuture<RequestBodies> compiling = CompletableFuture.supplyAsync(() -> new RequestBodies(json, requestSchemas()), STARTUP);
        // The JVM meters (JMX, GC notifications) are only read by /metrics; binding them is 0.3 s of class loading.
        CompletableFuture<Void> jvmMeters = CompletableFuture.runAsync(this::bindJvmMetrics, STARTUP);
        ConfigDocuments documents = new ConfigDocuments(new EnvSubstitution(env));
        MerchantLoader loader = new MerchantLoader(documents);
        MerchantRegistry registry;
        Database database;
        RequestBodies bodies;
        try {
            registry = loader.loadDirectory(config.merchantsDir());
            database = opening.join();
            bodies = compiling.join();
        } catch (RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        warnAboutDemoCredentials(registry);
        List<String> disabled = registry.all().stream().filter(m -> !m.enabled()).map(Merchant::id).toList();
        if (!disabled.isEmpty()) LOG.warn("merchants {} are disabled (enabled: false): Klarna gets 401, their API keys 403", disabled);
        MerchantDirectory merchants = new MerchantDirectory(registry);
        ConfigVersions versions = new ConfigVersions(new SqlConfigVersionStore(database, json), merchants, documents, clock);
        versions.serveActiveVersions(() -> loader.versionDocuments(config.merchantsDir()));
        // Several instances on one database: a version activated on another one is served here within a second.
        closeables.add(versions.followOtherInstances());
        this.versions = versions;

        this.store = new SqlShipmentStore(database, json);
        KlarnaResponses wire = new KlarnaResponses(json, config.klarna().optionTypes());
        this.shipments = new ShipmentService(store, clock, Duration.ofMinutes(config.reservationTtlMinutes()), wire::reservedSnapshot,
                retention(config), Duration.ofDays(config.recipientRetentionDays()));
        TokenService tokens = new TokenService(signingKeys(config), config.tokenIssuer(),
                Duration.ofSeconds(config.tokenTtlSeconds()), clock);
        JsonResponses responses = new JsonResponses(json);

        this.nonces = new SqlNonceStore(database);
        // A replayed /auth is refused for as long as a token it could have earned stays valid.
        Authenticator authenticator = new Authenticator(merchants, tokens, nonces, Duration.ofSeconds(config.tokenTtlSeconds()), clock);
        MerchantLabels merchantLabels = new MerchantLabels(config.merchantLabels());
        MerchantLimiter limiter = new MerchantLimiter(config.merchantLimits(), System::nanoTime);
        KlarnaCallbacks klarna = new KlarnaCallbacks(authenticator, shipments, bodies, responses,
                wire, new CallbackMetrics(metrics, merchantLabels), new UnknownFields(metrics, KlarnaCallbacks.DESCRIBED), clock,
                config.publicBaseUrl(), config.basePath(), limiter);
        CapturedRequests captured = new CapturedRequests(config.klarna().capturedRequests(), json, clock);
        ApiKeyAuth apiKeys = new ApiKeyAuth(merchants, limiter);
        MerchantApi merchantApi = new MerchantApi(apiKeys, shipments, bodies, responses, new MerchantViews(json), captured);
        ConfigApi configApi = new ConfigApi(apiKeys, versions, responses, json, clock);
        TestCartApi testCartApi = new TestCartApi(apiKeys, versions, bodies, responses, json, clock);
        PreviewApi previewApi = new PreviewApi(apiKeys, versions, bodies, responses, wire, json, clock);
        KcoFallbackApi kcoFallback = new KcoFallbackApi(apiKeys, responses, clock);
        SqlOmStore omStore = new SqlOmStore(database, json, clock, INSTANCE,
                Duration.ofSeconds(config.klarnaClient().claimSeconds()));
        this.orderManagement = new OrderManagement(omStore, new KlarnaOmClient(json, config.klarnaClient().attempts(),
                        Duration.ofMillis(config.klarnaClient().backoffMillis()), Duration.ofSeconds(config.klarnaClient().timeoutSeconds())),
                new ReservedShipmentInfo(store), id -> merchants.byId(id).orElse(null), json, clock, new OmMetrics(metrics, omStore));
        OmApi omApi = new OmApi(apiKeys, orderManagement, bodies, responses, new OmViews(omStore));
        Health health = new Health(merchants, store, responses);
        HttpMetrics httpMetrics = new HttpMetrics(metrics, merchantLabels);
        AccessLog accessLog = new AccessLog(config.accessLog(), new ClientOrigin.Resolver(config.trustedProxies()));

        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.threadPool = workerPool();
            c.jsonMapper(new JavalinJackson3(json, false));
            c.http.maxRequestSize = MAX_REQUEST_BYTES;
            c.http.prefer405over404 = true;
            c.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                // A stop waits this long for requests in flight; inFlight counts them for the shutdown log
                // (Javalin nests its own handler inside it).
                server.setHandler(inFlight);
                server.setStopTimeout(config.shutdownGraceSeconds() * 1000L);
            });
            c.routes.before(accessLog::begin);
            c.requestLogger.http((ctx, millis) -> {
                MerchantLimiter.release(ctx);
                httpMetrics.record(ctx, millis);
                accessLog.end(ctx, millis);
            });
            c.routes.after(config.basePath() + "/*", captured::record);
            ErrorMapping.register(c.routes, responses);
            MerchantPage.register(c);
            Routes.register(c.routes, config.basePath(), klarna,
                    new Routes.MerchantApis(merchantApi, configApi, testCartApi, previewApi, kcoFallback), omApi, health, metrics);
        });
        jvmMeters.join();
        new JettyServerThreadPoolMetrics(app.jettyServer().threadPool(), Tags.empty()).bindTo(metrics);
    }

    /** Starts serving; returns the bound port (useful with port 0). */
    public int start() {
        app.start(config.host(), config.port());
        JettyConnectionMetrics.addToAllConnectors(app.jettyServer().server(), metrics);
        chores.every30Seconds("expired {} unconfirmed reservations", shipments::expireStale, 30);
        // The safety net for activations announced while this instance's listener was reconnecting.
        chores.every30Seconds("now serving {} configuration versions activated on other instances", versions::refreshAll, 30);
        chores.every30Seconds("forgot {} expired auth nonces", () -> nonces.forgetExpired(clock.instant()), 30);
        chores.every30Seconds("deleted {} shipments past their retention", this::purgeShipments, 60);
        chores.every30Seconds("removed the recipient of {} finished shipments", shipments::forgetRecipients, 60);
        // Klarna calls decided but not known to be answered (a crash, Klarna down) are replayed with their key.
        // Another instance's claims are replayed soon after they run out (it crashed while sending).
        chores.every(Math.min(30, config.klarnaClient().claimSeconds()), "replayed {} pending Klarna order-management calls",
                orderManagement::replayPending, 0);
        LOG.info("Leverans listening on {}:{} with Klarna callbacks under {}; started in {} ms", config.host(), app.port(),
                config.basePath(), ManagementFactory.getRuntimeMXBean().getUptime());
        return app.port();
    }

    public ShipmentService shipments() { return shipments; }

    /** One retention run: at most 10 batches of 500 per status, so reservations never wait long for the writer. */
    public int purgeShipments() {
        int total = 0;
        for (var deleted : shipments.purge(500, 10).entrySet()) {
            Counter.builder("leverans.shipments.deleted").description("Shipments deleted after their retention, by status")
                    .tag("status", deleted.getKey().wireName()).register(metrics).increment(deleted.getValue());
            total += deleted.getValue();
        }
        return total;
    }

    private static List<String> requestSchemas() {
        List<String> schemas = new ArrayList<>(KlarnaCallbacks.SCHEMAS);
        schemas.addAll(MerchantApi.SCHEMAS);
        schemas.addAll(OmApi.SCHEMAS);
        schemas.addAll(PreviewApi.SCHEMAS);
        schemas.addAll(TestCartApi.SCHEMAS);
        return schemas;
    }

    private static Map<ShipmentStatus, Duration> retention(ServerConfig config) {
        Map<ShipmentStatus, Duration> keep = new EnumMap<>(ShipmentStatus.class);
        config.retentionDays().forEach((status, days) -> keep.put(ShipmentStatus.fromWire(status), Duration.ofDays(days)));
        return keep;
    }

    /**
     * Requests run on virtual threads: a handler blocked on a database commit costs no platform
     * thread, and CPU-bound requests are not time-sliced against dozens of others, which keeps
     * tail latency near the mean. Selectors and acceptors stay on platform threads.
     */
    private static QueuedThreadPool workerPool() {
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("leverans-http");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        return pool;
    }

    public OrderManagement orderManagement() { return orderManagement; }

    private void bindJvmMetrics() {
        new JvmMemoryMetrics().bindTo(metrics);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        closeables.add(gc);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        new FileDescriptorMetrics().bindTo(metrics);
        ProcessMemoryMetrics.bindTo(metrics);
    }

    private static List<SigningKey> signingKeys(ServerConfig config) {
        if (!config.tokenSigningKeys().isEmpty()) return config.tokenSigningKeys();
        LOG.warn("No auth.token_signing_key configured: using a random key. Tokens end with this process and are not "
                + "valid on other instances; set LEVERANS_TOKEN_SIGNING_KEY (32+ characters) or LEVERANS_TOKEN_SIGNING_KEYS "
                + "(kid:key,...) in production.");
        return List.of(TokenService.randomKey());
    }

    private static void warnAboutDemoCredentials(MerchantRegistry registry) {
        List<Merchant> demo = registry.withDemoCredentials(DEMO_KEYS);
        if (demo.isEmpty()) return;
        String ids = demo.stream().map(Merchant::id).toList().toString();
        LOG.warn("*** DEMO CREDENTIALS ACTIVE for merchants {}: their Klarna keys are published in the README, so anyone "
                + "can get tokens. Set real keys (e.g. LEVERANS_DEMO_KEY) before going live. ***", ids);
    }

    /**
     * Stops accepting requests, lets those in flight finish within the grace period
     * ({@code server.shutdown_grace_seconds}), then stops the background chores and closes the database.
     */
    @Override
    public void close() {
        LOG.info("Leverans shutting down: no new requests; waiting up to {} s for {} in flight",
                config.shutdownGraceSeconds(), inFlight.getCurrentRequestCount());
        app.stop();
        long unanswered = inFlight.getCurrentRequestCount();
        if (unanswered > 0) LOG.warn("grace period over: {} requests were cut", unanswered);
        LOG.info("all requests answered or cut; closing the database");
        chores.close();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", c, e);
            }
        }
        store.close();
        LOG.info("Leverans stopped");
    }
}
