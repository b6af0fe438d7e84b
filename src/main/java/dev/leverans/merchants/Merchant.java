package dev.leverans.merchants;

import dev.leverans.secrets.Secret;
import dev.leverans.rules.RuleTable;
import java.util.List;

/**
 * A tenant: the identifier and key it registered at Klarna, its own API keys for the merchant API,
 * its rule table, and its Klarna Order Management settings (null when not configured).
 */
public record Merchant(String id, String name, String identifier, Secret key, List<Secret> apiKeys, RuleTable rules,
                       OrderManagementSettings orderManagement) {
    public Merchant {
        apiKeys = List.copyOf(apiKeys);
    }
}
