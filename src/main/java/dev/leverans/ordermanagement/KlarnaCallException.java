package dev.leverans.ordermanagement;

/**
 * A Klarna call that did not succeed. {@code transientFailure}: no definite answer (timeouts, 5xx,
 * 429 after the retries), so the call may still have happened and is replayed with the same key.
 */
public final class KlarnaCallException extends Exception {
    private final KlarnaError error;
    private final boolean transientFailure;

    public KlarnaCallException(KlarnaError error, boolean transientFailure) {
        super(error.describe());
        this.error = error;
        this.transientFailure = transientFailure;
    }

    public KlarnaError error() { return error; }

    public boolean transientFailure() { return transientFailure; }
}
