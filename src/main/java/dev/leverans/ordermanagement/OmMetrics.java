package dev.leverans.ordermanagement;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Order management as an operator watches it: {@code leverans_klarna_om_calls_seconds{operation,outcome}}
 * (count and latency of state-changing Klarna calls: ok, refused, no_answer),
 * {@code leverans_om_outbox_pending} and {@code leverans_om_orders_attention}.
 */
public final class OmMetrics {
    private final MeterRegistry registry;

    public OmMetrics(MeterRegistry registry, OmStore store) {
        this.registry = registry;
        Gauge.builder("leverans.om.outbox.pending", store, OmStore::pendingCallCount)
                .description("Klarna calls decided but not yet definitely answered").register(registry);
        Gauge.builder("leverans.om.orders.attention", store, OmStore::attentionCount)
                .description("Orders whose last Klarna call failed").register(registry);
    }

    void call(Operation operation, String outcome, Duration took) {
        Timer.builder("leverans.klarna.om.calls").description("State-changing Klarna OM calls by operation and outcome")
                .tag("operation", operation.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome)
                .register(registry).record(took);
    }
}
