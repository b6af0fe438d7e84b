package dev.leverans.ordermanagement;

/** The module's view of an order at Klarna. */
public enum OmState {
    AUTHORIZED, PART_CAPTURED, CAPTURED, CANCELLED, EXPIRED, CLOSED,
    /** A duplicate (secondary) order dropped locally after its primary was captured; never touched at Klarna. */
    DROPPED;

    public static OmState fromKlarna(String status) {
        return valueOf(status);
    }
}
