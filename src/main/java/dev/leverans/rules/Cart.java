package dev.leverans.rules;

import java.util.List;
import java.util.Set;

/**
 * What is being shipped: order value in minor units (incl. tax), order tags, shippable lines, and
 * the cart weight the shop declared for the whole order ({@code declaredWeightGrams}, may be null).
 */
public record Cart(long orderValue, Set<String> tags, List<CartLine> lines, Long declaredWeightGrams) {
    public Cart {
        tags = Set.copyOf(tags);
        lines = List.copyOf(lines);
    }

    public Cart(long orderValue, Set<String> tags, List<CartLine> lines) {
        this(orderValue, tags, lines, null);
    }

    /**
     * Total weight in grams: the sum over the lines when every line carries its weight, else the
     * declared cart weight, else null (it cannot be checked). A cart without lines weighs 0 g
     * unless a weight was declared.
     */
    public Long totalWeightGrams() {
        long total = 0;
        for (CartLine line : lines) {
            if (line.unitWeightGrams() == null) return declaredWeightGrams;
            total += (long) line.unitWeightGrams() * line.quantity();
        }
        return lines.isEmpty() && declaredWeightGrams != null ? declaredWeightGrams : Long.valueOf(total);
    }

    public boolean anyLineTagged(String tag) {
        for (CartLine line : lines) if (line.tags().contains(tag)) return true;
        return false;
    }
}
