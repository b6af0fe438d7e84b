package dev.leverans.rules;

/** One rule an option must satisfy. Returns null when the request passes, else why it does not. */
@FunctionalInterface
public interface Condition {
    String rejectionReason(QuoteRequest request);
}
