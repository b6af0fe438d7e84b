package dev.leverans.klarna;

import dev.leverans.rules.OfferedOption;
import dev.leverans.shipments.ReservedOption;
import dev.leverans.shipments.Shipment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Domain results to Klarna response bodies: the one place that knows Klarna's field names. */
public final class KlarnaResponses {
    private final ObjectMapper json;
    private final OptionWriter options;

    /** {@code optionTypes}: Klarna's option type per rule-table type (server setting {@code klarna.option_types}). */
    public KlarnaResponses(ObjectMapper json, Map<String, String> optionTypes) {
        this.json = json;
        this.options = new OptionWriter(json, optionTypes);
    }

    /** The /shipping_options answer, as JSON bytes; {@code preview} while the postal code is unknown. */
    public byte[] options(List<OfferedOption> offered, boolean preview) {
        return options.options(offered, preview);
    }

    /** The reserved option as stored and answered to Klarna (without tms_reference, added per answer). */
    public String reservedSnapshot(ReservedOption r) {
        return options.reserved(r);
    }

    /** POST/PUT /shipment and GET /shipment/{id}: the reservation with its option and tracking. */
    public Map<String, Object> shipment(Shipment s) {
        ObjectNode option = (ObjectNode) json.readTree(s.choice().optionJson());
        option.put("tms_reference", s.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shipment_id", s.id());
        body.put("status", s.status().wireName());
        body.put("selected_shipping_option", option);
        if (s.tracking() != null) {
            Map<String, String> tracking = new LinkedHashMap<>();
            tracking.put("number", s.tracking().number());
            if (s.tracking().url() != null) tracking.put("url", s.tracking().url());
            body.put("tracking", tracking);
        }
        if (s.additionalInfo() != null) body.put("additional_info", s.additionalInfo());
        return body;
    }
}
