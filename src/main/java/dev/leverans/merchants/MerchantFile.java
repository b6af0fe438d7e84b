package dev.leverans.merchants;

import java.util.List;
import java.util.Map;

/**
 * The merchant's own part of {@code config/merchants/<id>.yaml} (who it is, its keys, order
 * management, where its locations are); the same file's rule table binds to
 * {@link dev.leverans.rules.table.RuleTableDocument}. Bound after JSON-Schema validation.
 */
record MerchantFile(String id, String name, Boolean enabled, Credentials credentials, List<String> apiKeys, String locationsFile,
                    OrderManagementFile orderManagement) {

    record OrderManagementFile(String baseUrl, String username, String password, Map<String, String> shippingCompanies,
                               Boolean requireTracking) {}

    record Credentials(String identifier, String key) {}
}
