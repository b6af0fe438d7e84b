package dev.leverans.rules;

import java.util.List;

/**
 * Why one option was offered or not, for support and the merchant's preview. {@code detail} is
 * filled only when the evaluation was asked to explain itself (null on Klarna's hot path).
 */
public record TraceEntry(String optionId, boolean offered, String reason, Detail detail) {
    public TraceEntry(String optionId, boolean offered, String reason) {
        this(optionId, offered, reason, null);
    }

    /** Every condition's verdict, the price rule that applied, how the promise was reached, the locations picked. */
    public record Detail(List<Verdict> conditions, String price, String promise, List<String> locations) {
        public Detail {
            conditions = List.copyOf(conditions);
            locations = List.copyOf(locations);
        }
    }

    /** One condition: its rule-table key, whether the request passed, and why (with the value looked at). */
    public record Verdict(String condition, boolean passed, String because) {}
}
