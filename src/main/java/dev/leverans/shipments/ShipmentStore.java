package dev.leverans.shipments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Durable reservations. Every write returns only after it is committed. Implementations keep one
 * reservation per (merchant, session), also under concurrent duplicate requests.
 */
public interface ShipmentStore extends AutoCloseable {

    /** Creates the session's reservation, or stores the new choice on the existing one if it still accepts one. */
    StoreResult reserve(String merchantId, String sessionId, String newId, ReservedChoice choice, Instant now);

    StoreResult change(String merchantId, String id, ReservedChoice choice, Instant now);

    StoreResult confirm(String merchantId, String id, Instant now);

    StoreResult recordBooking(String merchantId, String id, BookingUpdate update, Instant now);

    Optional<Shipment> find(String merchantId, String id);

    List<Shipment> list(ShipmentQuery query);

    /** Marks reservations unconfirmed since before {@code lastChangeBefore} as expired; returns how many. */
    int expireUnconfirmed(Instant lastChangeBefore);

    /** Deletes at most {@code limit} shipments in {@code status} last changed before {@code changedBefore}; returns how many. */
    int deleteOlder(ShipmentStatus status, Instant changedBefore, int limit);

    /** Throws when the store cannot serve reads and writes. */
    /** Removes the recipient (personal data) of shipments in these statuses last changed before the instant; returns how many. */
    int forgetRecipients(Set<ShipmentStatus> statuses, Instant changedBefore);

    void checkHealth();

    @Override
    void close();
}
