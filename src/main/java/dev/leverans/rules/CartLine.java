package dev.leverans.rules;

import java.util.Set;

/**
 * One shippable order line. Weight is per unit in grams; weight or dimensions are null when the
 * shop did not send them.
 */
public record CartLine(String reference, int quantity, Integer unitWeightGrams, Dimensions dimensions, Set<String> tags) {
    public CartLine {
        tags = Set.copyOf(tags);
    }
}
