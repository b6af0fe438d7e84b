package dev.leverans.ordermanagement;

import dev.leverans.merchants.OrderManagementSettings;

import java.util.Map;
import java.util.Optional;

/** Where a capture's shipping_info comes from: the shipment reserved through the Klarna callbacks. */
@FunctionalInterface
public interface ShippingInfoSource {
    /** A reserved shipment as a capture needs it: its carrier code and the Klarna {@code shipping_info}. */
    record Reserved(String carrier, Map<String, Object> shippingInfo) {}

    /** The merchant's reservation {@code tmsReference}; empty when there is none (or no reference). */
    Optional<Reserved> reserved(String merchantId, String tmsReference, OrderManagementSettings settings);
}
