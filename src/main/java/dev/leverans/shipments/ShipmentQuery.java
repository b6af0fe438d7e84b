package dev.leverans.shipments;

import java.time.Instant;

/**
 * A page of one merchant's shipments, newest change first; every filter may be null. The cursor
 * continues after the last shipment of the previous page.
 */
public record ShipmentQuery(String merchantId, ShipmentStatus status, String carrier, String optionId, Instant changedFrom,
                            Instant changedTo, int limit, Cursor after) {
    public record Cursor(Instant updatedAt, String id) {}
}
