package dev.leverans.klarna;

import dev.leverans.http.MerchantLabels;
import dev.leverans.rules.Quote;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Business metrics of the Klarna callbacks, tagged per merchant (bounded, see {@link MerchantLabels}). */
public final class CallbackMetrics {
    private final MeterRegistry registry;
    private final MerchantLabels labels;
    private final Map<String, DistributionSummary> optionCounts = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public CallbackMetrics(MeterRegistry registry, MerchantLabels labels) {
        this.registry = registry;
        this.labels = labels;
    }

    public void quoted(String merchantId, Quote quote) {
        optionCounts.computeIfAbsent(labels.of(merchantId), m -> DistributionSummary.builder("leverans.shipping_options.returned")
                .description("Options answered per /shipping_options call")
                .tag("merchant", m).register(registry)).record(quote.options().size());
        if (quote.fallback() != null) {
            count("leverans.default_option.fallbacks", "Answers with the default option alone, by reason",
                    merchantId, "reason", quote.fallback().label());
        }
    }

    /** outcome: created, updated, refused, rejected_unknown_option, rejected_unavailable, rejected_invalid, ... */
    public void reservation(String merchantId, String outcome) {
        count("leverans.reservations", "POST/PUT /shipment and confirm calls by outcome", merchantId, "outcome", outcome);
    }

    private void count(String name, String description, String merchantId, String tag, String value) {
        String merchant = labels.of(merchantId);
        counters.computeIfAbsent(List.of(name, merchant, value), k -> Counter.builder(name).description(description)
                .tag("merchant", merchant).tag(tag, value).register(registry)).increment();
    }
}
