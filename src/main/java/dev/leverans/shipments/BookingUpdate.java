package dev.leverans.shipments;

/** The merchant's report of booking or progress: new status, tracking (may be null), a note. */
public record BookingUpdate(ShipmentStatus status, Tracking tracking, String additionalInfo) {}
