package dev.leverans.shipments;

/** The outcome of a write to the shipment store and the shipment as it is now (null if not found). */
public record StoreResult(Outcome outcome, Shipment shipment) {
    public enum Outcome { CREATED, UPDATED, UNCHANGED, REFUSED, NOT_FOUND }

    public static StoreResult notFound() { return new StoreResult(Outcome.NOT_FOUND, null); }
}
