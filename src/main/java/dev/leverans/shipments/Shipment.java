package dev.leverans.shipments;

import java.time.Instant;

/** A stored reservation and what happened to it since. */
public record Shipment(String id, String merchantId, String sessionId, ShipmentStatus status, ReservedChoice choice,
                       Tracking tracking, String additionalInfo, Instant createdAt, Instant updatedAt,
                       Instant confirmedAt) {}
