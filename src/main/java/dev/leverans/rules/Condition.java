package dev.leverans.rules;

/**
 * One rule an option must satisfy. {@link #rejectionReason} is what the evaluator asks (null: the
 * request passes); {@link #name} and {@link #passedBecause} explain a pass in a preview's trace.
 */
public interface Condition {
    String rejectionReason(QuoteRequest request);

    /** The rule-table key this condition comes from, e.g. {@code weight_grams}. */
    String name();

    /** Why the request passes, with the value looked at (only asked when it does). */
    String passedBecause(QuoteRequest request);
}
