package dev.leverans.rules;

import java.util.List;
import java.util.Set;

/** What is being shipped: order value in minor units (incl. tax), order tags and shippable lines. */
public record Cart(long orderValue, Set<String> tags, List<CartLine> lines) {
    public Cart {
        tags = Set.copyOf(tags);
        lines = List.copyOf(lines);
    }

    /** Total weight in grams, or null when any line lacks its weight (it cannot be checked). */
    public Long totalWeightGrams() {
        long total = 0;
        for (CartLine line : lines) {
            if (line.unitWeightGrams() == null) return null;
            total += (long) line.unitWeightGrams() * line.quantity();
        }
        return total;
    }

    public boolean anyLineTagged(String tag) {
        for (CartLine line : lines) if (line.tags().contains(tag)) return true;
        return false;
    }
}
