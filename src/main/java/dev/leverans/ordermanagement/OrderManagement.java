package dev.leverans.ordermanagement;

import dev.leverans.merchants.OrderManagementSettings;

import dev.leverans.merchants.Merchant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns shop order events into Klarna OM calls: read Klarna's order, decide with
 * {@link OrderRules}, store the decision in the outbox, call Klarna with the decision's
 * idempotency key, record the answer with an audit note. Operations on one order are serialised.
 */
public final class OrderManagement {
    private static final Logger LOG = LoggerFactory.getLogger(OrderManagement.class);

    private final OmStore store;
    private final KlarnaOmClient klarna;
    private final ShippingInfoSource shippingInfo;
    private final Function<String, Merchant> merchants;
    private final ObjectMapper json;
    private final Clock clock;
    private final OmMetrics metrics;

    public OrderManagement(OmStore store, KlarnaOmClient klarna, ShippingInfoSource shippingInfo,
                           Function<String, Merchant> merchants, ObjectMapper json, Clock clock, OmMetrics metrics) {
        this.store = store;
        this.klarna = klarna;
        this.shippingInfo = shippingInfo;
        this.merchants = merchants;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Registers a shop order. The first shop order of a Klarna order is its primary, decided by the
     * database; a repeat with identical data answers the stored order, with other data a 409.
     */
    public OmStore.Registered register(Merchant m, RegisterOrder r) {
        settings(m);
        OrderRules.checkLines(r.orderLines(), r.orderAmount(), "order_amount");
        if (r.tmsReference() != null && shippingInfo.reserved(m.id(), r.tmsReference(), settings(m)).isEmpty()) {
            throw OmRefusal.invalid("tms_reference: " + r.tmsReference() + " is not a shipment of this merchant");
        }
        OmStore.Registered result = store.register(m.id(), r.shopOrderId(), r.klarnaOrderId(), primary ->
                OmOrder.registered(m.id(), r.shopOrderId(), r.klarnaOrderId(), r.currency(), r.orderAmount(), r.orderLines(),
                        r.tmsReference(), primary, note(primary == null ? "Registered with Klarna order " + r.klarnaOrderId()
                                : "Duplicate of shop order " + primary + " (same Klarna order " + r.klarnaOrderId()
                                  + "): never captured, cancelled or refunded at Klarna; drop it once the primary is captured")));
        OmOrder order = result.order();
        if (!result.created()) {
            if (!sameRegistration(order, r)) {
                throw OmRefusal.conflict("Shop order " + r.shopOrderId() + " is already registered with other data (Klarna order "
                        + order.klarnaOrderId() + ", " + order.authorizedAmount() + " " + order.currency() + ")");
            }
            return result;
        }
        if (order.isSecondaryDuplicate()) {
            locked(m, order.duplicateOf(), () -> {
                OmOrder p = order(m, order.duplicateOf());
                store.save(p.withNote(note("Shop order " + r.shopOrderId() + " duplicates this order (same Klarna order)")));
                return null;
            });
        }
        return result;
    }

    private static boolean sameRegistration(OmOrder o, RegisterOrder r) {
        return o.klarnaOrderId().equals(r.klarnaOrderId()) && o.currency().equals(r.currency())
                && o.authorizedAmount() == r.orderAmount() && o.lines().equals(r.orderLines())
                && Objects.equals(o.tmsReference(), r.tmsReference());
    }

    public OmOrder get(Merchant m, String shopOrderId) {
        return order(m, shopOrderId);
    }

    public List<OmOrder> list(Merchant m, String state, String afterShopOrderId, int limit) {
        return store.list(m.id(), state, afterShopOrderId, limit);
    }

    /** Tracking the shop sends with a status change: number, optional URI and shipping company. */
    public record ShopTracking(String number, String uri, String company) {}

    public OmResult status(Merchant m, String shopOrderId, String status, boolean restock, ShopTracking tracking) {
        return locked(m, shopOrderId, () -> {
            OmOrder o = order(m, shopOrderId);
            String stock = restock ? " (items returned to stock)" : "";
            return switch (status) {
                // A return is recorded; money goes back only through an explicit refund, as in the shops this follows.
                case "processing", "on_hold", "returned" -> {
                    OmOrder updated = o.withShopStatus(status).withNote(note("Shop status set to " + status + stock
                            + (status.equals("returned") ? "; refund through /refunds" : "")));
                    store.save(updated);
                    yield OmResult.ok(updated);
                }
                case "completed" -> o.isSecondaryDuplicate() ? dropDuplicate(m, o, status)
                        : klarnaOperation(m, o, "status completed", (synced, k) -> OrderRules.capture(synced, k,
                                        captureShippingInfo(m, o, tracking)),
                                "completed", "Capture adopted from Klarna: the order was already captured there");
                case "cancelled" -> o.isSecondaryDuplicate() ? dropDuplicate(m, o, status)
                        : klarnaOperation(m, o, "status cancelled", (synced, k) -> withNote(OrderRules.cancel(synced), stock),
                                "cancelled", "Already cancelled at Klarna");
                default -> throw OmRefusal.invalid("status: must be processing, on_hold, completed, cancelled or returned");
            };
        });
    }

    /**
     * The capture's shipping_info: from the reserved shipment, with the tracking the shop sent on top.
     * A parcel with a third-party carrier and no tracking number is refused (Klarna's delivery policy)
     * unless the merchant sets {@code require_tracking: false}.
     */
    private Map<String, Object> captureShippingInfo(Merchant m, OmOrder o, ShopTracking tracking) {
        Optional<ShippingInfoSource.Reserved> reserved = shippingInfo.reserved(m.id(), o.tmsReference(), settings(m));
        Map<String, Object> info = reserved.map(ShippingInfoSource.Reserved::shippingInfo).orElse(null);
        if (tracking != null && tracking.number() != null) {
            info = info == null ? new LinkedHashMap<>() : new LinkedHashMap<>(info);
            info.put("tracking_number", tracking.number());
            if (tracking.uri() != null) info.put("tracking_uri", tracking.uri());
            if (tracking.company() != null) info.put("shipping_company", tracking.company());
        }
        String carrier = reserved.map(ShippingInfoSource.Reserved::carrier).orElse(null);
        boolean thirdParty = carrier != null && !carrier.equals("merchant");
        if (settings(m).requireTracking() && thirdParty && (info == null || !info.containsKey("tracking_number"))) {
            throw OmRefusal.invalid("Shipment " + o.tmsReference() + " goes with " + carrier + " and has no tracking number; "
                    + "Klarna requires one for parcels sent with a carrier. Report it with the booking, or send "
                    + "tracking {number, uri, company} with this status (or set order_management.require_tracking: false)");
        }
        return info;
    }

    public OmResult updateLines(Merchant m, String shopOrderId, List<OrderLine> lines, long amount) {
        return onPrimaryOrder(m, shopOrderId, "lines " + json.writeValueAsString(lines) + " " + amount,
                (o, k) -> OrderRules.updateLines(o, lines, amount));
    }

    public OmResult refund(Merchant m, String shopOrderId, RefundRequest request) {
        return onPrimaryOrder(m, shopOrderId, "refund " + json.writeValueAsString(request), (o, k) -> OrderRules.refund(o, request, null));
    }

    public OmResult addTracking(Merchant m, String shopOrderId, Map<String, Object> info) {
        return onPrimaryOrder(m, shopOrderId, "tracking " + json.writeValueAsString(info), (o, k) -> OrderRules.shippingInfo(o, info));
    }

    /** A Klarna operation the shop asks for directly ({@code request} names it); refused on a secondary duplicate. */
    private OmResult onPrimaryOrder(Merchant m, String shopOrderId, String request, BiFunction<OmOrder, KlarnaOrder, KlarnaCall> decide) {
        return locked(m, shopOrderId, () -> {
            OmOrder o = order(m, shopOrderId);
            refuseForDuplicate(o);
            return klarnaOperation(m, o, request, decide, null, null);
        });
    }

    /** Replays calls decided before a crash (same idempotency key); returns how many were settled. */
    public int replayPending() {
        int settled = 0;
        for (OutboxEntry e : store.claimPendingCalls()) {
            Merchant m = merchants.apply(e.merchantId());
            if (m == null || m.orderManagement() == null) continue;
            // Re-checked under the order's lock: a concurrent replay may have settled it already.
            OmResult result = locked(m, e.shopOrderId(), () -> store.isPending(e.id()) ? execute(m, order(m, e.shopOrderId()), e) : null);
            if (result != null && result.klarnaError() == null) settled++;
        }
        return settled;
    }

    private OmResult dropDuplicate(Merchant m, OmOrder o, String status) {
        OmOrder primary = order(m, o.duplicateOf());
        if (primary.capturedAmount() == 0) {
            throw OmRefusal.conflict("This order duplicates shop order " + primary.shopOrderId() + " (same Klarna order "
                    + o.klarnaOrderId() + "). Capture the primary first; then this duplicate is dropped locally, "
                    + "never cancelled or refunded at Klarna");
        }
        OmOrder dropped = o.dropped().withShopStatus(status).withNote(note("Duplicate dropped locally: primary shop order "
                + primary.shopOrderId() + " is captured; nothing was sent to Klarna"));
        store.save(dropped);
        return OmResult.ok(dropped);
    }

    private static void refuseForDuplicate(OmOrder o) {
        if (o.isSecondaryDuplicate()) {
            throw OmRefusal.conflict("This order duplicates shop order " + o.duplicateOf() + " and shares its payment; "
                    + "it is never captured, changed or refunded at Klarna. Act on " + o.duplicateOf() + " instead");
        }
    }

    /**
     * Reads Klarna's order (so captures made in Klarna's portal are adopted), decides on the order
     * brought up to date with it, and carries out the decision. A null decision means Klarna is
     * already where the shop wants it. While an earlier call of the order waits for Klarna, a
     * repeat of its request answers that queued call and anything else is refused: an order has at
     * most one undecided call, so a retry by the shop can never become a second capture or refund.
     */
    private OmResult klarnaOperation(Merchant m, OmOrder stale, String request, BiFunction<OmOrder, KlarnaOrder, KlarnaCall> decide,
                                     String shopStatus, String alreadyDoneNote) {
        Optional<OutboxEntry> queued = store.pendingCall(m.id(), stale.shopOrderId());
        if (queued.isPresent()) {
            if (request.equals(queued.get().request())) return OmResult.repeatOf(stale, queued.get());
            throw OmRefusal.conflict("A Klarna " + queued.get().operation().name().toLowerCase(Locale.ROOT) + " of this order is "
                    + "queued and retried with the same idempotency key; send this request once it has settled");
        }
        KlarnaOrder k;
        try {
            k = klarna.read(settings(m), stale.klarnaOrderId());
        } catch (KlarnaCallException e) {
            return attention(stale, e.error(), "Reading the Klarna order failed");
        }
        OmOrder o = sync(stale, k);
        KlarnaCall call = decide.apply(o, k);
        if (call == null) {
            OmOrder done = o.withAttention(null).withShopStatus(shopStatus == null ? o.shopStatus() : shopStatus)
                    .withNote(note(alreadyDoneNote == null ? "Nothing to do at Klarna" : alreadyDoneNote));
            store.save(done);
            return OmResult.ok(done);
        }
        OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(), m.id(), o.shopOrderId(), call.operation(),
                call.operation().path(call.captureId()), idempotencyKey(o, call.operation()),
                call.body() == null ? null : json.writeValueAsString(call.body()), call.amount(), call.shopStatus(), call.description(),
                request);
        OmOrder pending = o.withNextOperation();
        store.saveWithPendingCall(pending, entry);
        return execute(m, pending, entry);
    }

    private OmResult execute(Merchant m, OmOrder o, OutboxEntry e) {
        long started = System.nanoTime();
        try {
            KlarnaOmClient.Answer answer = klarna.send(settings(m), o.klarnaOrderId(), e);
            metrics.call(e.operation(), "ok", Duration.ofNanos(System.nanoTime() - started));
            OmOrder done = applied(o, e, answer);
            store.saveWithFinishedCall(done, e);
            return OmResult.ok(done);
        } catch (KlarnaCallException failure) {
            metrics.call(e.operation(), failure.transientFailure() ? "no_answer" : "refused", Duration.ofNanos(System.nanoTime() - started));
            OmOrder flagged = o.withAttention(failure.error()).withNote(note(e.operation().name().toLowerCase(Locale.ROOT)
                    + " failed at Klarna: " + failure.error().describe()
                    + (failure.transientFailure() ? "; it will be retried with the same idempotency key" : "")));
            if (failure.transientFailure()) store.saveWithQueuedCall(flagged, e);
            else store.saveWithFinishedCall(flagged, e);
            LOG.warn("Klarna {} for merchant {} shop order {} failed: {}", e.operation(), m.id(), o.shopOrderId(), failure.error().describe());
            return OmResult.failed(flagged, failure.error(), failure.transientFailure() ? e : null);
        }
    }

    private OmOrder applied(OmOrder o, OutboxEntry e, KlarnaOmClient.Answer answer) {
        OmOrder next = switch (e.operation()) {
            case CAPTURE -> {
                List<String> captures = new ArrayList<>(o.captureIds());
                answer.captureId().ifPresent(captures::add);
                long captured = o.capturedAmount() + e.amount();
                yield o.withKlarna(captured >= o.authorizedAmount() ? OmState.CAPTURED : OmState.PART_CAPTURED,
                        o.authorizedAmount(), captured, o.refundedAmount(), captures);
            }
            case CANCEL -> o.withKlarna(OmState.CANCELLED, o.authorizedAmount(), 0, 0, o.captureIds());
            case UPDATE_AUTHORIZATION -> {
                var body = json.readTree(e.body());
                yield o.withLines(List.of(json.treeToValue(body.get("order_lines"), OrderLine[].class)), e.amount());
            }
            case REFUND -> o.withKlarna(o.state(), o.authorizedAmount(), o.capturedAmount(), o.refundedAmount() + e.amount(), o.captureIds());
            case ADD_SHIPPING_INFO -> o.withKlarna(o.state(), o.authorizedAmount(), o.capturedAmount(), o.refundedAmount(), o.captureIds());
        };
        String ids = answer.captureId().map(id -> " (capture id " + id
                        + answer.klarnaReference().map(ref -> ", Klarna reference " + ref).orElse("") + ")").orElse("")
                + answer.refundId().map(id -> " (refund id " + id + ")").orElse("");
        return next.withShopStatus(e.shopStatus() == null ? o.shopStatus() : e.shopStatus())
                .withNote(note(e.description() + ids + " [key " + e.idempotencyKey() + "]"));
    }

    private OmResult attention(OmOrder o, KlarnaError error, String what) {
        OmOrder flagged = o.withAttention(error).withNote(note(what + ": " + error.describe()));
        store.save(flagged);
        return OmResult.failed(flagged, error, null);
    }

    /** The order with Klarna's current amounts, status and captures (e.g. a capture made in Klarna's portal). */
    private static OmOrder sync(OmOrder o, KlarnaOrder k) {
        if (o.state() == OmState.DROPPED) return o;
        return o.withKlarna(OmState.fromKlarna(k.status()), k.orderAmount(), k.capturedAmount(), k.refundedAmount(), k.captureIds())
                .withAttention(o.attention());
    }

    private static KlarnaCall withNote(KlarnaCall call, String suffix) {
        if (call == null || suffix.isEmpty()) return call;
        return new KlarnaCall(call.operation(), call.captureId(), call.body(), call.amount(), call.shopStatus(), call.description() + suffix);
    }

    /** Deterministic per (merchant, shop order, operation, sequence): a replay after a crash reuses it. */
    static String idempotencyKey(OmOrder o, Operation op) {
        String logical = String.join("|", "leverans", o.merchantId(), o.shopOrderId(), op.name(), Integer.toString(o.operations()));
        return UUID.nameUUIDFromBytes(logical.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private OmOrder order(Merchant m, String shopOrderId) {
        return store.find(m.id(), shopOrderId).orElseThrow(() -> new OmRefusal(404, "shop order " + shopOrderId + " not found"));
    }

    private static OrderManagementSettings settings(Merchant m) {
        if (m.orderManagement() == null) throw OmRefusal.conflict("order management is not configured for merchant " + m.id());
        return m.orderManagement();
    }

    /** One decision at a time per order, across every instance (the store serialises through the database). */
    private <T> T locked(Merchant m, String shopOrderId, Supplier<T> work) {
        return store.exclusively(m.id(), shopOrderId, work);
    }

    private Note note(String text) {
        return new Note(Instant.now(clock), text);
    }
}
