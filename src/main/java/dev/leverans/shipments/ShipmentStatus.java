package dev.leverans.shipments;

import java.util.Locale;

/**
 * A reservation's lifecycle. Reserved until Klarna confirms the purchase (or it expires), then
 * booked, shipped and delivered as the merchant reports it; cancelled by the merchant.
 */
public enum ShipmentStatus {
    RESERVED, EXPIRED, CONFIRMED, BOOKED, SHIPPED, DELIVERED, CANCELLED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static ShipmentStatus fromWire(String name) {
        for (ShipmentStatus s : values()) if (s.wireName().equals(name)) return s;
        throw new IllegalArgumentException("unknown shipment status '" + name + "'");
    }

    /** Klarna may still change the choice: the purchase has not completed. */
    public boolean acceptsNewChoice() { return this == RESERVED || this == EXPIRED; }

    /** What a confirm turns this status into (idempotent once confirmed or beyond). */
    public ShipmentStatus confirmed() { return acceptsNewChoice() ? CONFIRMED : this; }

    /** Whether the merchant may report {@code next} now: forward only, and only after the purchase. */
    public boolean mayAdvanceTo(ShipmentStatus next) {
        return switch (this) {
            case RESERVED, EXPIRED -> false;
            case CANCELLED, DELIVERED -> next == this;
            case CONFIRMED, BOOKED, SHIPPED -> switch (next) {
                case BOOKED, SHIPPED, DELIVERED -> next.ordinal() >= ordinal();
                case CANCELLED -> this != SHIPPED;
                default -> false;
            };
        };
    }
}
