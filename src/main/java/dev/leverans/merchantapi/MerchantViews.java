package dev.leverans.merchantapi;

import dev.leverans.klarna.CapturedRequests;
import dev.leverans.shipments.Shipment;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** How the merchant API shows a shipment and a captured Klarna request. */
public final class MerchantViews {
    private final ObjectMapper json;

    public MerchantViews(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> view(CapturedRequests.Captured c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", c.at().toString());
        v.put("method", c.method());
        v.put("path", c.path());
        v.put("status", c.status());
        v.put("duration_ms", Math.round(c.durationMillis() * 100) / 100.0);
        v.put("body", c.body() == null ? null : json.readTree(c.body()));
        if (c.note() != null) v.put("note", c.note());
        return v;
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
        v.put("config_version", s.choice().configVersion());
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
        // recipient (null once removed by retention), parcel {weight_grams, length, width, height}, lines, klarna_order_id
        v.put("booking", s.choice().booking() == null ? null : json.valueToTree(s.choice().booking()));
        return v;
    }
}
