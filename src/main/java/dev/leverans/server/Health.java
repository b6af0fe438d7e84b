package dev.leverans.server;

import dev.leverans.http.JsonResponses;
import dev.leverans.merchants.MerchantDirectory;
import dev.leverans.merchants.MerchantRegistry;
import dev.leverans.shipments.ShipmentStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ready only when a valid merchant configuration is loaded and the database reads and writes. */
public final class Health {
    private static final String VERSION = BuildInfo.version();
    private final MerchantDirectory merchants;
    private final ShipmentStore store;
    private final JsonResponses responses;

    public Health(MerchantDirectory merchants, ShipmentStore store, JsonResponses responses) {
        this.merchants = merchants;
        this.store = store;
        this.responses = responses;
    }

    public void check(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ready = true;
        MerchantRegistry registry = merchants.current();
        body.put("merchants", registry == null ? 0 : registry.all().size());
        if (registry == null || registry.all().isEmpty()) {
            ready = false;
            body.put("config", "no merchant configuration loaded");
        }
        try {
            store.checkHealth();
            body.put("database", "ok");
        } catch (RuntimeException e) {
            ready = false;
            body.put("database", "unavailable: " + e.getMessage());
        }
        body.put("status", ready ? "ready" : "unavailable");
        body.put("version", VERSION);
        responses.send(ctx, ready ? 200 : 503, body);
    }
}
