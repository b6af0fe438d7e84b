package dev.leverans.server;

import dev.leverans.http.MerchantLabels;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.MDC;

/**
 * Request latency per route template (not per raw path, so shipment ids don't explode the series),
 * and per merchant by status class once a request is known to be a merchant's.
 */
public final class HttpMetrics {
    // A few service-level buckets instead of Micrometer's ~70 per series: enough for p50 / p99 against the targets.
    private static final Duration[] BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final MerchantLabels labels;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Timer> merchantTimers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry, MerchantLabels labels) {
        this.registry = registry;
        this.labels = labels;
    }

    public void record(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String method = ctx.method().name();
        int status = ctx.statusCode();
        // Without an endpoint a request was a static file of the merchant page or matched nothing.
        String uri = endpoint != null ? endpoint.path : status < 400 ? "STATIC" : "NOT_FOUND";
        timers.computeIfAbsent(method + ' ' + uri + ' ' + status, k -> Timer.builder("http.server.requests")
                        .description("HTTP requests by route, method and status")
                        .tag("method", method).tag("uri", uri).tag("status", Integer.toString(status))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
        String merchantId = MDC.get("merchant");
        if (merchantId == null) return;
        String merchant = labels.of(merchantId);
        String outcome = status / 100 + "xx";
        merchantTimers.computeIfAbsent(merchant + ' ' + outcome, k -> Timer.builder("leverans.merchant.requests")
                        .description("Requests of each merchant (callbacks, merchant and order-management APIs) by status class")
                        .tag("merchant", merchant).tag("outcome", outcome)
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    }
}
