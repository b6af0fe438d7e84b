package dev.leverans.shipments;

/**
 * What was reserved: the option's identity and price as recomputed by the server, the option as it
 * was answered to Klarna ({@code optionJson}, rendered by the wire adapter), and the number of the
 * merchant's configuration version it was priced with (0: before versions existed), and what a
 * carrier booking needs from the same request (null for reservations made before it was kept).
 */
public record ReservedChoice(String optionId, String optionType, String carrier, String method,
                             String currency, long price, String optionJson, int configVersion, Booking booking) {}
