package dev.leverans.shipments;

/**
 * What was reserved: the option's identity and price as recomputed by the server, and the option
 * as it was answered to Klarna ({@code optionJson}, rendered by the wire adapter).
 */
public record ReservedChoice(String optionId, String optionType, String carrier, String method,
                             String currency, long price, String optionJson) {}
