package dev.leverans.ordermanagement;

/** The order after a shop request, and Klarna's error when the call failed (the order is then in attention). */
public record OmResult(OmOrder order, KlarnaError klarnaError) {
    static OmResult ok(OmOrder order) { return new OmResult(order, null); }
}
