package dev.leverans.rules;

import java.util.List;

/**
 * The price of an option in one currency, in minor units including tax: either a flat amount or
 * weight tiers, optionally free from an order value on.
 */
public record Price(Long amount, List<WeightTier> weightTiers, Long freeFrom) {

    /** Carts up to {@code upToGrams} (inclusive) cost {@code amount}. Tiers are sorted ascending. */
    public record WeightTier(long upToGrams, long amount) {}

    /** The outcome of pricing a cart: an amount, or the reason it cannot be priced. */
    public record Quote(long amount, String unpricedReason) {
        public boolean priced() { return unpricedReason == null; }
    }

    public Price {
        weightTiers = weightTiers == null ? List.of() : List.copyOf(weightTiers);
    }

    public static Price flat(long amount) { return new Price(amount, List.of(), null); }

    public Quote quote(Cart cart) {
        if (freeFrom != null && cart.orderValue() >= freeFrom) return new Quote(0, null);
        if (weightTiers.isEmpty()) return new Quote(amount, null);
        Long weight = cart.totalWeightGrams();
        if (weight == null) return new Quote(0, "weight-tiered price needs the cart weight");
        for (WeightTier tier : weightTiers) {
            if (weight <= tier.upToGrams()) return new Quote(tier.amount(), null);
        }
        return new Quote(0, "cart weight " + weight + " g is above the last price tier");
    }

    /** Which rule {@link #quote} applies to the cart, and the free threshold, in words. */
    public String explain(Cart cart) {
        long value = cart.orderValue();
        if (freeFrom != null && value >= freeFrom) return "free: order value " + value + " reaches free_from " + freeFrom;
        String threshold = freeFrom == null ? "" : "; free from " + freeFrom + ", order value " + value + " is below";
        if (weightTiers.isEmpty()) return "flat " + amount + threshold;
        Long weight = cart.totalWeightGrams();
        for (WeightTier tier : weightTiers) {
            if (weight != null && weight <= tier.upToGrams()) {
                return "weight tier up to " + tier.upToGrams() + " g: " + tier.amount() + " (cart " + weight + " g)" + threshold;
            }
        }
        return quote(cart).unpricedReason();
    }
}
