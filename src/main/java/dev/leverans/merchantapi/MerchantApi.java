package dev.leverans.merchantapi;

import dev.leverans.http.ApiKeyAuth;
import dev.leverans.klarna.CapturedRequests;
import dev.leverans.merchants.Merchant;
import dev.leverans.http.ApiException;
import dev.leverans.http.Instants;
import dev.leverans.http.JsonResponses;
import dev.leverans.http.QueryParams;
import dev.leverans.http.RequestBodies;
import dev.leverans.shipments.BookingUpdate;
import dev.leverans.shipments.Shipment;
import dev.leverans.shipments.ShipmentQuery;
import dev.leverans.shipments.ShipmentService;
import dev.leverans.shipments.ShipmentStatus;
import dev.leverans.shipments.StoreResult;
import dev.leverans.shipments.Tracking;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The merchant's own API (its API keys, never the Klarna key): list and read shipments, report
 * booking, progress and tracking, and see the requests Klarna sent lately.
 */
public final class MerchantApi {
    public static final List<String> SCHEMAS = List.of("BookingRequest");
    // The rule table's slug (rule-table.schema.json #/$defs/slug) for option ids; every carrier id fits it too.
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    // Shipments are stored with millisecond timestamps; instants outside these years cannot match any.

    private final ApiKeyAuth auth;
    private final ShipmentService shipments;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final MerchantViews views;
    private final CapturedRequests captured;

    public MerchantApi(ApiKeyAuth auth, ShipmentService shipments, RequestBodies bodies,
                       JsonResponses responses, MerchantViews views, CapturedRequests captured) {
        this.auth = auth;
        this.shipments = shipments;
        this.bodies = bodies;
        this.responses = responses;
        this.views = views;
        this.captured = captured;
    }

    public void list(Context ctx) {
        Merchant merchant = auth.merchant(ctx);
        ShipmentQuery query = new ShipmentQuery(merchant.id(), status(ctx.queryParam("status")),
                id(ctx, "carrier"), id(ctx, "option"), instant(ctx, "changed_from"), instant(ctx, "changed_to"), QueryParams.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT),
                cursor(ctx.queryParam("cursor")));
        List<Shipment> page = shipments.list(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shipments", page.stream().map(views::view).toList());
        if (page.size() == query.limit()) body.put("next_cursor", encode(page.getLast()));
        responses.send(ctx, 200, body);
    }

    public void get(Context ctx) {
        Merchant merchant = auth.merchant(ctx);
        Shipment s = shipments.find(merchant, ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("shipment"));
        responses.send(ctx, 200, views.view(s));
    }

    public void booking(Context ctx) {
        Merchant merchant = auth.merchant(ctx);
        BookingRequest body = bodies.read(ctx, "BookingRequest", BookingRequest.class);
        Tracking tracking = body.trackingNumber() == null ? null : new Tracking(body.trackingNumber(), body.trackingUrl());
        StoreResult result = shipments.recordBooking(merchant, ctx.pathParam("id"),
                new BookingUpdate(ShipmentStatus.fromWire(body.status()), tracking, body.additionalInfo()));
        switch (result.outcome()) {
            case NOT_FOUND -> throw ApiException.notFound("shipment");
            case REFUSED -> throw new ApiException(409, "a " + result.shipment().status().wireName()
                    + " shipment cannot become " + body.status());
            default -> responses.send(ctx, 200, views.view(result.shipment()));
        }
    }

    /** What Klarna sent this merchant lately (personal data masked), newest first. */
    public void klarnaRequests(Context ctx) {
        Merchant merchant = auth.merchant(ctx);
        int max = Math.max(1, captured.capacity());
        int limit = QueryParams.limit(ctx.queryParam("limit"), Math.min(DEFAULT_LIMIT, max), max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("capacity", captured.capacity());
        body.put("requests", captured.newest(merchant.id(), limit).stream().map(views::view).toList());
        responses.send(ctx, 200, body);
    }

    private static ShipmentStatus status(String raw) {
        if (raw == null) return null;
        try {
            return ShipmentStatus.fromWire(raw);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "status: " + e.getMessage());
        }
    }

    /** A carrier or option id as the rule table spells them; anything else can match nothing and is a mistake. */
    private static String id(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) return null;
        if (!ID.matcher(raw).matches()) {
            throw new ApiException(400, name + ": must be an id as in the rule table (1-64 of a-z, 0-9, '.', '_', '-')");
        }
        return raw;
    }

    private static Instant instant(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null ? null : Instants.parse(name, raw);
    }

    private static String encode(Shipment last) {
        return QueryParams.cursor(last.updatedAt().toEpochMilli() + ":" + last.id());
    }

    private static ShipmentQuery.Cursor cursor(String raw) {
        String position = QueryParams.position(raw);
        if (position == null) return null;
        try {
            String[] parts = position.split(":", 2);
            return new ShipmentQuery.Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw QueryParams.notACursor();
        }
    }
}
