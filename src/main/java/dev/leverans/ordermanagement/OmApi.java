package dev.leverans.ordermanagement;

import dev.leverans.http.ApiKeyAuth;
import dev.leverans.merchants.Merchant;
import dev.leverans.http.ApiException;
import dev.leverans.http.JsonResponses;
import dev.leverans.http.QueryParams;
import dev.leverans.http.RequestBodies;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The shop-facing order-management API under /om (the merchant's API keys). */
public final class OmApi {
    public static final List<String> SCHEMAS = List.of("RegisterOrderRequest", "OrderStatusRequest", "UpdateLinesRequest",
            "RefundRequest", "TrackingRequest");

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final List<String> LISTED_STATES = Stream.concat(Stream.of("attention"),
            Arrays.stream(OmState.values()).map(st -> st.name().toLowerCase(Locale.ROOT))).toList();

    record StatusBody(String status, boolean restock, OrderManagement.ShopTracking tracking) {}

    record LinesBody(List<OrderLine> orderLines, long orderAmount) {}

    record TrackingBody(String trackingNumber, String trackingUri, String shippingCompany, String shippingMethod) {}

    private final ApiKeyAuth auth;
    private final OrderManagement om;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final OmViews views;

    public OmApi(ApiKeyAuth auth, OrderManagement om, RequestBodies bodies, JsonResponses responses, OmViews views) {
        this.auth = auth;
        this.om = om;
        this.bodies = bodies;
        this.responses = responses;
        this.views = views;
    }

    public void register(Context ctx) {
        Merchant m = auth.merchant(ctx);
        RegisterOrder body = bodies.read(ctx, "RegisterOrderRequest", RegisterOrder.class);
        OmStore.Registered registered = om.register(m, body);
        responses.send(ctx, registered.created() ? 201 : 200, views.view(m, registered.order()));
    }

    /** {@code GET /om/orders?state=&limit=&cursor=}: the merchant's orders by shop order id, e.g. all in attention. */
    public void list(Context ctx) {
        Merchant m = auth.merchant(ctx);
        String state = listedState(ctx.queryParam("state"));
        int limit = QueryParams.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        List<OmOrder> page = om.list(m, state, QueryParams.position(ctx.queryParam("cursor")), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orders", page.stream().map(o -> views.view(m, o)).toList());
        if (page.size() == limit) body.put("next_cursor", QueryParams.cursor(page.getLast().shopOrderId()));
        responses.send(ctx, 200, body);
    }

    private static String listedState(String raw) {
        if (raw == null || LISTED_STATES.contains(raw)) return raw;
        throw new ApiException(400, "state: must be one of " + String.join(", ", LISTED_STATES));
    }

    public void get(Context ctx) {
        Merchant m = auth.merchant(ctx);
        responses.send(ctx, 200, views.view(m, om.get(m, ctx.pathParam("shop_order_id"))));
    }

    public void status(Context ctx) {
        Merchant m = auth.merchant(ctx);
        StatusBody body = bodies.read(ctx, "OrderStatusRequest", StatusBody.class);
        answer(ctx, m, om.status(m, ctx.pathParam("shop_order_id"), body.status(), body.restock(), body.tracking()));
    }

    public void lines(Context ctx) {
        Merchant m = auth.merchant(ctx);
        LinesBody body = bodies.read(ctx, "UpdateLinesRequest", LinesBody.class);
        answer(ctx, m, om.updateLines(m, ctx.pathParam("shop_order_id"), body.orderLines(), body.orderAmount()));
    }

    public void refund(Context ctx) {
        Merchant m = auth.merchant(ctx);
        RefundRequest body = bodies.read(ctx, "RefundRequest", RefundRequest.class);
        answer(ctx, m, om.refund(m, ctx.pathParam("shop_order_id"), body));
    }

    public void tracking(Context ctx) {
        Merchant m = auth.merchant(ctx);
        TrackingBody body = bodies.read(ctx, "TrackingRequest", TrackingBody.class);
        Map<String, Object> info = new LinkedHashMap<>();
        if (body.shippingCompany() != null) info.put("shipping_company", body.shippingCompany());
        if (body.shippingMethod() != null) info.put("shipping_method", body.shippingMethod());
        info.put("tracking_number", body.trackingNumber());
        if (body.trackingUri() != null) info.put("tracking_uri", body.trackingUri());
        answer(ctx, m, om.addTracking(m, ctx.pathParam("shop_order_id"), info));
    }

    /**
     * 200 with the order. A Klarna refusal is a 502 naming Klarna's code, messages and correlation
     * id. A call Klarna has not definitely answered stays queued: 502 the first time, 202 when the
     * shop repeats the request while it is queued (no new call is made).
     */
    private void answer(Context ctx, Merchant m, OmResult result) {
        Map<String, Object> view = views.view(m, result.order());
        if (result.klarnaError() == null && result.queued() == null) {
            responses.send(ctx, 200, view);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String klarna = result.klarnaError() == null ? "" : "Klarna refused or failed: " + result.klarnaError().describe() + ". ";
        String queued = result.queued() == null ? "" : "The " + result.queued().operation().name().toLowerCase(Locale.ROOT)
                + " is queued and retried with the same idempotency key " + result.queued().idempotencyKey() + ". ";
        body.put("failure_reason", klarna + queued + "The order is in attention; the shop status was not changed");
        if (result.queued() != null) {
            body.put("queued", Map.of("operation", result.queued().operation().name().toLowerCase(Locale.ROOT),
                    "idempotency_key", result.queued().idempotencyKey()));
        }
        body.put("order", view);
        responses.send(ctx, result.repeated() ? 202 : 502, body);
    }
}
