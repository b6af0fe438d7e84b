package dev.leverans.merchantapi;

import dev.leverans.shipments.Shipment;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** How the merchant API shows a shipment. */
public final class ShipmentViews {
    private final ObjectMapper json;

    public ShipmentViews(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> view(Shipment s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("shipment_id", s.id());
        v.put("session_id", s.sessionId());
        v.put("status", s.status().wireName());
        v.put("option_id", s.choice().optionId());
        v.put("option_type", s.choice().optionType());
        v.put("carrier", s.choice().carrier());
        v.put("method", s.choice().method());
        v.put("currency", s.choice().currency());
        v.put("price", s.choice().price());
        if (s.tracking() != null) {
            Map<String, String> tracking = new LinkedHashMap<>();
            tracking.put("number", s.tracking().number());
            tracking.put("url", s.tracking().url());
            v.put("tracking", tracking);
        }
        v.put("additional_info", s.additionalInfo());
        v.put("created_at", s.createdAt().toString());
        v.put("updated_at", s.updatedAt().toString());
        v.put("confirmed_at", s.confirmedAt() == null ? null : s.confirmedAt().toString());
        v.put("selected_shipping_option", json.readTree(s.choice().optionJson()));
        return v;
    }
}
