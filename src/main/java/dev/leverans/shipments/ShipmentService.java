package dev.leverans.shipments;

import dev.leverans.merchants.Merchant;
import dev.leverans.rules.QuoteRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reservation lifecycle: reserve (one per session), change, confirm, expire, and the
 * merchant's booking and tracking reports. Every write is durable before it returns.
 */
public final class ShipmentService {
    private static final Set<ShipmentStatus> OVER = EnumSet.of(ShipmentStatus.EXPIRED, ShipmentStatus.DELIVERED, ShipmentStatus.CANCELLED);
    private final ShipmentStore store;
    private final Clock clock;
    private final Duration reservationTtl;
    private final Function<ReservedOption, String> snapshot;
    private final Map<ShipmentStatus, Duration> retention;
    private final Duration recipientRetention;

    /**
     * {@code snapshot} renders the reserved option as it is answered to Klarna, for storage;
     * {@code retention} says how long shipments in a status are kept after their last change.
     */
    public ShipmentService(ShipmentStore store, Clock clock, Duration reservationTtl, Function<ReservedOption, String> snapshot,
                           Map<ShipmentStatus, Duration> retention, Duration recipientRetention) {
        this.store = store;
        this.clock = clock;
        this.reservationTtl = reservationTtl;
        this.snapshot = snapshot;
        this.retention = Map.copyOf(retention);
        this.recipientRetention = recipientRetention;
    }

    public StoreResult reserve(Merchant merchant, String sessionId, QuoteRequest request, Choice choice, Booking.Recipient recipient,
                               String klarnaOrderId) {
        Instant now = clock.instant();
        ReservedChoice reserved = reservedChoice(merchant, request, choice, now, recipient, klarnaOrderId);
        return store.reserve(merchant.id(), sessionId, UUID.randomUUID().toString(), reserved, now);
    }

    public StoreResult change(Merchant merchant, String shipmentId, QuoteRequest request, Choice choice, Booking.Recipient recipient,
                              String klarnaOrderId) {
        if (store.find(merchant.id(), shipmentId).isEmpty()) return StoreResult.notFound();
        Instant now = clock.instant();
        return store.change(merchant.id(), shipmentId, reservedChoice(merchant, request, choice, now, recipient, klarnaOrderId), now);
    }

    public StoreResult confirm(Merchant merchant, String shipmentId) {
        return store.confirm(merchant.id(), shipmentId, clock.instant());
    }

    public StoreResult recordBooking(Merchant merchant, String shipmentId, BookingUpdate update) {
        return store.recordBooking(merchant.id(), shipmentId, update, clock.instant());
    }

    public Optional<Shipment> find(Merchant merchant, String shipmentId) {
        return store.find(merchant.id(), shipmentId);
    }

    public List<Shipment> list(ShipmentQuery query) {
        return store.list(query);
    }

    /**
     * Removes the recipient of shipments that are over (expired, delivered, cancelled) and were last
     * changed longer ago than the recipient retention; the rest of the booking data stays.
     */
    public int forgetRecipients() {
        return store.forgetRecipients(OVER, clock.instant().minus(recipientRetention));
    }

    /** Expires reservations unconfirmed for longer than the reservation time-to-live. */
    public int expireStale() {
        return store.expireUnconfirmed(clock.instant().minus(reservationTtl));
    }

    /**
     * Deletes shipments kept longer than their status's retention, in batches so the writer stays
     * free for reservations, at most {@code maxBatches} per status and call; returns deletions by status.
     */
    public Map<ShipmentStatus, Integer> purge(int batchSize, int maxBatches) {
        Map<ShipmentStatus, Integer> deleted = new EnumMap<>(ShipmentStatus.class);
        Instant now = clock.instant();
        retention.forEach((status, keep) -> {
            int total = 0;
            for (int batch = 0; batch < maxBatches; batch++) {
                int n = store.deleteOlder(status, now.minus(keep), batchSize);
                total += n;
                if (n < batchSize) break;
            }
            if (total > 0) deleted.put(status, total);
        });
        return deleted;
    }

    private ReservedChoice reservedChoice(Merchant merchant, QuoteRequest request, Choice choice, Instant now,
                                          Booking.Recipient recipient, String klarnaOrderId) {
        ReservedOption reserved = ChoiceValidator.validate(merchant.rules(), request, choice, now);
        var option = reserved.offered().option();
        return new ReservedChoice(option.id(), option.type().wireName(), option.carrier(), option.method(),
                request.currency(), reserved.totalPrice(), snapshot.apply(reserved), merchant.configVersion(),
                Booking.of(recipient, request.cart(), klarnaOrderId));
    }
}
