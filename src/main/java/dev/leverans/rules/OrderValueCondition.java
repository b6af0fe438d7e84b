package dev.leverans.rules;

import java.util.Map;

/** Order value (minor units, incl. tax) within a per-currency [min, max]. */
public record OrderValueCondition(Map<String, Bounds> byCurrency) implements Condition {
    public record Bounds(Long min, Long max) {}

    public OrderValueCondition {
        byCurrency = Map.copyOf(byCurrency);
    }

    @Override
    public String rejectionReason(QuoteRequest request) {
        Bounds bounds = byCurrency.get(request.currency());
        if (bounds == null) return null;
        long value = request.cart().orderValue();
        if (bounds.min() != null && value < bounds.min()) return "order value " + value + " is below " + bounds.min();
        if (bounds.max() != null && value > bounds.max()) return "order value " + value + " is above " + bounds.max();
        return null;
    }

    @Override
    public String name() { return "order_value"; }

    @Override
    public String passedBecause(QuoteRequest request) {
        Bounds bounds = byCurrency.get(request.currency());
        if (bounds == null) return "no bounds for " + request.currency();
        return "order value " + request.cart().orderValue() + " is within " + RangeText.text(bounds.min(), bounds.max(), "");
    }
}
