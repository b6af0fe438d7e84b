package dev.leverans.merchants;

import dev.leverans.secrets.Secret;
import dev.leverans.config.ConfigException;
import dev.leverans.secrets.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All tenants of this deployment, looked up by id, by Klarna identifier, or by merchant API key.
 * API keys are indexed by their SHA-256, so a lookup never compares key characters one by one.
 */
public final class MerchantRegistry {
    private final List<Merchant> merchants;
    private final Map<String, Merchant> byId = new HashMap<>();
    private final Map<String, Merchant> byIdentifier = new HashMap<>();
    private final Map<String, Merchant> byApiKeyHash = new HashMap<>();

    public MerchantRegistry(List<Merchant> merchants) {
        this.merchants = List.copyOf(merchants);
        for (Merchant m : merchants) {
            if (byId.put(m.id(), m) != null) throw new ConfigException("merchant id '" + m.id() + "' is used by two files");
            if (byIdentifier.put(m.identifier(), m) != null) {
                throw new ConfigException("merchant " + m.id() + ": identifier '" + m.identifier() + "' is used by another merchant");
            }
            for (Secret key : m.apiKeys()) {
                if (byApiKeyHash.put(Sha256.hex(key.utf8()), m) != null) {
                    throw new ConfigException("merchant " + m.id() + ": an API key is used twice");
                }
            }
        }
    }

    public List<Merchant> all() { return merchants; }

    /** This registry with {@code updated} in place of the merchant with its id. */
    MerchantRegistry with(Merchant updated) {
        return new MerchantRegistry(merchants.stream().map(m -> m.id().equals(updated.id()) ? updated : m).toList());
    }

    public Optional<Merchant> byId(String id) { return Optional.ofNullable(byId.get(id)); }

    public Optional<Merchant> byIdentifier(String identifier) { return Optional.ofNullable(byIdentifier.get(identifier)); }

    public Optional<Merchant> byApiKey(String presented) {
        return Optional.ofNullable(byApiKeyHash.get(Sha256.hex(presented.getBytes(StandardCharsets.UTF_8))));
    }

    /** Merchants still using a published demo key; the server warns loudly while any is active. */
    public List<Merchant> withDemoCredentials(Set<String> demoKeys) {
        return merchants.stream().filter(m -> demoKeys.stream().anyMatch(m.key()::equalsPlain)).toList();
    }
}
