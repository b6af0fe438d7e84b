package dev.leverans.merchants;

import dev.leverans.secrets.Secret;
import dev.leverans.rules.RuleTable;
import java.util.List;

/**
 * A tenant: the identifier and key it registered at Klarna, its own API keys for the merchant API,
 * its rule table with the number of the configuration version it came from (0: straight from the
 * file), its Klarna Order Management settings (null when not configured), and whether it is served
 * at all ({@code enabled: false} in its file: Klarna gets 401, its API keys 403).
 */
public record Merchant(String id, String name, String identifier, Secret key, List<Secret> apiKeys, RuleTable rules,
                       int configVersion, OrderManagementSettings orderManagement, boolean enabled) {
    public Merchant {
        apiKeys = List.copyOf(apiKeys);
    }

    /** This merchant serving another configuration version. */
    public Merchant withRules(RuleTable newRules, int version) {
        return new Merchant(id, name, identifier, key, apiKeys, newRules, version, orderManagement, enabled);
    }
}
