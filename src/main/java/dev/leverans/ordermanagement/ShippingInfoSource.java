package dev.leverans.ordermanagement;

import dev.leverans.merchants.OrderManagementSettings;

import java.util.Map;

/** Where a capture's shipping_info comes from: the shipment reserved through the Klarna callbacks. */
public interface ShippingInfoSource {
    /** Klarna shipping_info for the reservation {@code tmsReference}, or null when unknown. */
    Map<String, Object> shippingInfo(String merchantId, String tmsReference, OrderManagementSettings settings);

    /** The carrier code of the reserved shipment {@code tmsReference}, or null when there is none. */
    String carrier(String merchantId, String tmsReference);

    /** Whether {@code tmsReference} is a shipment this merchant reserved. */
    boolean isShipmentOf(String merchantId, String tmsReference);
}
