package dev.leverans.klarna;

import dev.leverans.auth.Authenticator;
import dev.leverans.merchants.Merchant;
import dev.leverans.rules.Quote;
import dev.leverans.http.AccessLog;
import dev.leverans.http.ApiException;
import dev.leverans.http.ClientOrigin;
import dev.leverans.http.JsonResponses;
import dev.leverans.http.MerchantLimiter;
import dev.leverans.http.RequestBodies;
import dev.leverans.shipments.ChoiceRejectedException;
import dev.leverans.shipments.ShipmentService;
import dev.leverans.shipments.StoreResult;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** The six Klarna Shipping Assistant callbacks: parse, call the core, render. */
public final class KlarnaCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(KlarnaCallbacks.class);
    /**
     * Validated: auth, and of the options and shipment bodies only their enforced part. The rest is
     * read tolerantly (a field we cannot read must not cost a sale) against the described shapes.
     */
    public static final List<String> SCHEMAS = List.of("AuthRequest", "ShippingOptionsEnforced", "SelectShipmentEnforced");
    public static final List<String> DESCRIBED = List.of("ShippingOptionsRequest", "SelectShipmentRequest");
    public static final List<String> OPTIONS_PATHS = List.of("/shipping_options", "/shippingoptions", "/shipping-options");

    private final Authenticator auth;
    private final ShipmentService shipments;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final KlarnaResponses wire;
    private final CallbackMetrics metrics;
    private final UnknownFields unknownFields;
    private final Clock clock;
    private final String publicBaseUrl;
    private final String basePath;
    private final MerchantLimiter limiter;

    public KlarnaCallbacks(Authenticator auth, ShipmentService shipments, RequestBodies bodies, JsonResponses responses,
                           KlarnaResponses wire, CallbackMetrics metrics, UnknownFields unknownFields, Clock clock,
                           String publicBaseUrl, String basePath, MerchantLimiter limiter) {
        this.auth = auth;
        this.shipments = shipments;
        this.bodies = bodies;
        this.responses = responses;
        this.wire = wire;
        this.metrics = metrics;
        this.unknownFields = unknownFields;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        this.basePath = basePath;
        this.limiter = limiter;
    }

    public void auth(Context ctx) {
        AuthRequest body = bodies.read(ctx, "AuthRequest", AuthRequest.class);
        auth.merchantWithIdentifier(body.identifier()).ifPresent(m -> attribute(ctx, m));
        var token = auth.authenticate(body.identifier(), body.secret().nonce(), body.secret().digest())
                .orElseThrow(ApiException::unauthorized);
        responses.send(ctx, 201, Map.of("token", token.token(), "expires_in", token.expiresInSeconds()));
    }

    public void shippingOptions(Context ctx) {
        Merchant merchant = merchant(ctx);
        JsonNode body = bodies.readTolerantTree(ctx, "ShippingOptionsEnforced");
        unknownFields.check("ShippingOptionsRequest", body);
        Answer answer = quote(merchant, body);
        metrics.quoted(merchant.id(), answer.quote());
        if (answer.quote().fallback() != null) LOG.info("answered the default option alone: {}", answer.quote().fallback().label());
        responses.sendJson(ctx, 200, wire.options(answer.quote().options(), answer.preview()));
    }

    /** The options to answer, and whether they are a preview (the postal code is not known yet). */
    private record Answer(Quote quote, boolean preview) {}

    /** Never fails for a priced currency: anything unexpected answers the default option. */
    private Answer quote(Merchant merchant, JsonNode body) {
        Quote quote = OptionsQuote.of(merchant.rules(), body, clock.instant(), false);
        if (quote.failure() != null) {
            LOG.error("evaluating options for merchant {} failed; answering the default option", merchant.id(), quote.failure());
        }
        return new Answer(quote, OptionsQuote.preview(quote));
    }

    public void selectShipment(Context ctx) {
        Merchant merchant = merchant(ctx);
        JsonNode body = selectBody(ctx);
        StoreResult result = recorded(merchant, () -> shipments.reserve(merchant, KlarnaRequests.sessionId(body),
                KlarnaRequests.quoteRequest(body, merchant.rules()), KlarnaRequests.choice(body), KlarnaRequests.recipient(body),
                KlarnaRequests.klarnaOrderId(body)));
        if (result.outcome() == StoreResult.Outcome.REFUSED) {
            throw new ApiException(409, "the shipment of this session is already " + result.shipment().status().wireName());
        }
        sendShipment(ctx, 201, result);
    }

    public void changeShipment(Context ctx) {
        Merchant merchant = merchant(ctx);
        JsonNode body = selectBody(ctx);
        StoreResult result = recorded(merchant, () -> shipments.change(merchant, ctx.pathParam("id"),
                KlarnaRequests.quoteRequest(body, merchant.rules()), KlarnaRequests.choice(body), KlarnaRequests.recipient(body),
                KlarnaRequests.klarnaOrderId(body)));
        switch (result.outcome()) {
            case NOT_FOUND -> throw ApiException.notFound("shipment");
            case REFUSED -> throw new ApiException(409, "the shipment is already " + result.shipment().status().wireName()
                    + " and can no longer be changed");
            default -> sendShipment(ctx, 200, result);
        }
    }

    public void confirmShipment(Context ctx) {
        Merchant merchant = merchant(ctx);
        StoreResult result = shipments.confirm(merchant, ctx.pathParam("id"));
        if (result.outcome() == StoreResult.Outcome.NOT_FOUND) throw ApiException.notFound("shipment");
        metrics.reservation(merchant.id(), result.outcome() == StoreResult.Outcome.UPDATED ? "confirmed" : "confirm_repeated");
        responses.send(ctx, 200, Map.of("shipment_id", result.shipment().id(), "status", result.shipment().status().wireName()));
    }

    public void getShipment(Context ctx) {
        Merchant merchant = merchant(ctx);
        var shipment = shipments.find(merchant, ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("shipment"));
        responses.send(ctx, 200, wire.shipment(shipment));
    }

    private JsonNode selectBody(Context ctx) {
        JsonNode body = bodies.readTolerantTree(ctx, "SelectShipmentEnforced");
        unknownFields.check("SelectShipmentRequest", body);
        return body;
    }

    private StoreResult recorded(Merchant merchant, Supplier<StoreResult> write) {
        try {
            StoreResult result = write.get();
            metrics.reservation(merchant.id(), result.outcome().name().toLowerCase(Locale.ROOT));
            return result;
        } catch (ChoiceRejectedException e) {
            metrics.reservation(merchant.id(), "rejected_" + e.kind().name().toLowerCase(Locale.ROOT));
            throw e;
        }
    }

    private void sendShipment(Context ctx, int status, StoreResult result) {
        ctx.header("Location", baseUrl(ctx) + "/shipment/" + result.shipment().id());
        responses.send(ctx, status, wire.shipment(result.shipment()));
    }

    /** The callbacks' public base URL: configured, else as this request reached us (through trusted proxies). */
    private String baseUrl(Context ctx) {
        if (!publicBaseUrl.isEmpty()) return publicBaseUrl;
        ClientOrigin origin = ClientOrigin.of(ctx);
        return origin.scheme() + "://" + origin.host() + basePath;
    }

    private Merchant merchant(Context ctx) {
        Merchant merchant = auth.merchantFor(ctx.header("Authorization")).orElseThrow(ApiException::unauthorized);
        attribute(ctx, merchant);
        limiter.admit(ctx, merchant);
        return merchant;
    }

    /** The request is this merchant's: captured for it, and its log lines name it. */
    private static void attribute(Context ctx, Merchant merchant) {
        CapturedRequests.belongsTo(ctx, merchant);
        AccessLog.merchant(merchant.id());
    }
}
