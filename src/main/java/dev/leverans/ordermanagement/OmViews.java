package dev.leverans.ordermanagement;

import dev.leverans.merchants.Merchant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the order-management API shows an order. */
public final class OmViews {
    private final OmStore store;

    public OmViews(OmStore store) {
        this.store = store;
    }

    public Map<String, Object> view(Merchant m, OmOrder o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("shop_order_id", o.shopOrderId());
        v.put("klarna_order_id", o.klarnaOrderId());
        v.put("state", o.listedState());
        v.put("klarna_state", o.state().name());
        v.put("shop_status", o.shopStatus());
        v.put("currency", o.currency());
        v.put("amounts", Map.of("authorized", o.authorizedAmount(), "captured", o.capturedAmount(),
                "refunded", o.refundedAmount(), "remaining", o.remainingAuthorized()));
        v.put("capture_ids", o.captureIds());
        v.put("tms_reference", o.tmsReference());
        v.put("duplicates", duplicates(m, o));
        if (o.attention() != null) {
            KlarnaError e = o.attention();
            Map<String, Object> attention = new LinkedHashMap<>();
            attention.put("error_code", e.errorCode());
            attention.put("error_messages", e.errorMessages());
            attention.put("correlation_id", e.correlationId());
            attention.put("message", e.describe());
            v.put("attention", attention);
        }
        v.put("outbox", store.calls(m.id(), o.shopOrderId()).stream().map(OmViews::call).toList());
        v.put("order_lines", o.lines());
        v.put("notes", o.notes().stream().map(n -> Map.of("at", n.at().toString(), "text", n.text())).toList());
        return v;
    }

    private static Map<String, Object> call(OmStore.RecordedCall call) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("operation", call.entry().operation().name().toLowerCase(Locale.ROOT));
        v.put("status", call.pending() ? "pending" : "done");
        v.put("amount", call.entry().amount());
        v.put("description", call.entry().description());
        v.put("idempotency_key", call.entry().idempotencyKey());
        v.put("created_at", call.createdAt().toString());
        v.put("updated_at", call.updatedAt().toString());
        return v;
    }

    private Map<String, Object> duplicates(Merchant m, OmOrder o) {
        List<String> group = store.findByKlarnaOrder(m.id(), o.klarnaOrderId()).stream().map(OmOrder::shopOrderId).toList();
        if (group.size() < 2) return null;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("role", o.isSecondaryDuplicate() ? "secondary" : "primary");
        d.put("primary", o.isSecondaryDuplicate() ? o.duplicateOf() : o.shopOrderId());
        d.put("group", group);
        return d;
    }
}
