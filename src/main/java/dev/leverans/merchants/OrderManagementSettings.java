package dev.leverans.merchants;

import dev.leverans.secrets.Secret;
import java.util.Map;

/**
 * A merchant's Klarna Order Management settings: API base URL, HTTP Basic credentials, the carrier
 * code -> {@code shipping_company} names put on captures, and whether a parcel sent with a
 * third-party carrier needs its tracking number before it is captured (Klarna's delivery policy).
 */
public record OrderManagementSettings(String baseUrl, String username, Secret password, Map<String, String> shippingCompanies,
                                      boolean requireTracking) {
    public OrderManagementSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        shippingCompanies = Map.copyOf(shippingCompanies);
    }
}
