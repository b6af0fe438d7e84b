package dev.leverans.ordermanagement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Order management as an operator watches it: {@code leverans_klarna_om_calls_total{operation,outcome}}
 * (state-changing Klarna calls: ok, refused, no_answer), their latency
 * {@code leverans_klarna_om_call_duration_seconds{operation,outcome}},
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
        Tags tags = Tags.of("operation", operation.name().toLowerCase(Locale.ROOT), "outcome", outcome);
        Counter.builder("leverans.klarna.om.calls").description("State-changing Klarna OM calls by operation and outcome")
                .tags(tags).register(registry).increment();
        Timer.builder("leverans.klarna.om.call.duration").description("Latency of state-changing Klarna OM calls, retries included")
                .tags(tags).register(registry).record(took);
    }
}
