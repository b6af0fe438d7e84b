package dev.leverans.klarna;

import dev.leverans.rules.Quote;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** Business metrics of the Klarna callbacks, tagged per merchant. */
public final class CallbackMetrics {
    private final MeterRegistry registry;

    public CallbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void quoted(String merchantId, Quote quote) {
        DistributionSummary.builder("leverans.shipping_options.returned")
                .description("Options answered per /shipping_options call")
                .tag("merchant", merchantId).register(registry).record(quote.options().size());
        if (quote.fallback() != null) {
            Counter.builder("leverans.default_option.fallbacks")
                    .description("Answers with the default option alone, by reason")
                    .tag("merchant", merchantId).tag("reason", quote.fallback().label()).register(registry).increment();
        }
    }

    /** outcome: created, updated, refused, rejected_unknown_option, rejected_unavailable, rejected_invalid, ... */
    public void reservation(String merchantId, String outcome) {
        Counter.builder("leverans.reservations")
                .description("POST/PUT /shipment and confirm calls by outcome")
                .tag("merchant", merchantId).tag("outcome", outcome).register(registry).increment();
    }
}
