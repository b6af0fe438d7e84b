package dev.leverans.merchants;

import java.util.Map;

/**
 * A merchant's Klarna Order Management settings: API base URL, HTTP Basic credentials, and the
 * carrier code -> {@code shipping_company} names put on captures.
 */
public record OrderManagementSettings(String baseUrl, String username, Secret password, Map<String, String> shippingCompanies) {
    public OrderManagementSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        shippingCompanies = Map.copyOf(shippingCompanies);
    }
}
