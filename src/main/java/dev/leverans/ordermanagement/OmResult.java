package dev.leverans.ordermanagement;

/**
 * The order after a shop request; Klarna's error when the call failed (the order is then in
 * attention); and the call still queued for Klarna (a transient failure, or a repeat of the request
 * that queued it), retried with the same idempotency key.
 */
public record OmResult(OmOrder order, KlarnaError klarnaError, OutboxEntry queued, boolean repeated) {
    static OmResult ok(OmOrder order) { return new OmResult(order, null, null, false); }

    /** Klarna refused, or gave no definite answer ({@code stillQueued} is then the call, else null). */
    static OmResult failed(OmOrder order, KlarnaError error, OutboxEntry stillQueued) {
        return new OmResult(order, error, stillQueued, false);
    }

    /** The shop repeated the request of a call that is still queued; nothing new was sent. */
    static OmResult repeatOf(OmOrder order, OutboxEntry queued) {
        return new OmResult(order, order.attention(), queued, true);
    }
}
