package dev.leverans.rules;

import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Required and excluded tags, either on the order or on any of its lines: every required tag must
 * be present, no excluded tag may be.
 */
public record TagCondition(String scope, Set<String> required, Set<String> excluded,
                           BiPredicate<Cart, String> tagged) implements Condition {

    public static TagCondition onOrder(Set<String> required, Set<String> excluded) {
        return new TagCondition("order", required, excluded, (cart, tag) -> cart.tags().contains(tag));
    }

    public static TagCondition onAnyLine(Set<String> required, Set<String> excluded) {
        return new TagCondition("line", required, excluded, Cart::anyLineTagged);
    }

    public TagCondition {
        required = Set.copyOf(required);
        excluded = Set.copyOf(excluded);
    }

    @Override
    public String rejectionReason(QuoteRequest request) {
        for (String tag : required) {
            if (!tagged.test(request.cart(), tag)) return "required " + scope + " tag '" + tag + "' missing";
        }
        for (String tag : excluded) {
            if (tagged.test(request.cart(), tag)) return scope + " tag '" + tag + "' excludes this option";
        }
        return null;
    }

    @Override
    public String name() { return scope + "_tags"; }

    @Override
    public String passedBecause(QuoteRequest request) {
        return (required.isEmpty() ? "" : "required " + scope + " tags " + new java.util.TreeSet<>(required) + " present")
                + (required.isEmpty() || excluded.isEmpty() ? "" : ", ")
                + (excluded.isEmpty() ? "" : "no " + scope + " tag of " + new java.util.TreeSet<>(excluded));
    }
}
