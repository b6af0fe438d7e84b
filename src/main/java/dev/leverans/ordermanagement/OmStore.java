package dev.leverans.ordermanagement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Durable order-management state: orders and the outbox, written together. */
public interface OmStore {

    Optional<OmOrder> find(String merchantId, String shopOrderId);

    List<OmOrder> findByKlarnaOrder(String merchantId, String klarnaOrderId);

    /**
     * A page of the merchant's orders by shop order id: those listed under {@code state} (null: all),
     * after {@code afterShopOrderId} (null: from the first), at most {@code limit}.
     */
    List<OmOrder> list(String merchantId, String state, String afterShopOrderId, int limit);

    /** A Klarna call of the order as the outbox holds it: pending until Klarna definitely answered, then done. */
    record RecordedCall(OutboxEntry entry, boolean pending, Instant createdAt, Instant updatedAt) {}

    /** Every Klarna call decided for the order, oldest first. */
    List<RecordedCall> calls(String merchantId, String shopOrderId);

    /** A registration: the stored order, and whether this call created it. */
    record Registered(OmOrder order, boolean created) {}

    /**
     * Registers a shop order in one transaction. When the shop order id is new, the first order of
     * its Klarna order id becomes the primary (a unique key decides, also under concurrent
     * registrations): {@code build.apply(null)} is stored; a later one is stored as
     * {@code build.apply(primaryShopOrderId)}. An existing shop order is returned unchanged.
     */
    Registered register(String merchantId, String shopOrderId, String klarnaOrderId, Function<String, OmOrder> build);

    void save(OmOrder order);

    /**
     * Saves the order and records the decided call as pending, in one transaction, claimed by this
     * instance while it sends it.
     */
    void saveWithPendingCall(OmOrder order, OutboxEntry entry);

    /**
     * Saves the order after its call got no definite answer (Klarna down, a timeout): the call stays
     * pending and is released for the next replay, by whichever instance claims it first.
     */
    void saveWithQueuedCall(OmOrder order, OutboxEntry entry);

    /** Saves the order and marks the call done (Klarna answered, success or refusal), in one transaction. */
    void saveWithFinishedCall(OmOrder order, OutboxEntry entry);

    boolean isPending(String outboxId);

    /** The order's call still waiting for a definite answer from Klarna, if any (there is at most one). */
    Optional<OutboxEntry> pendingCall(String merchantId, String shopOrderId);

    int pendingCallCount();

    /** Orders whose last Klarna call failed (in attention). */
    int attentionCount();

    /**
     * Claims the calls decided but not known to have reached Klarna that nobody is sending now (no
     * claim, or one that ran out: its instance crashed), oldest first; each is claimed by exactly
     * one of the instances asking at the same time.
     */
    List<OutboxEntry> claimPendingCalls();

    /** Runs {@code work} while no other caller, on any instance sharing the database, works on this order. */
    <T> T exclusively(String merchantId, String shopOrderId, Supplier<T> work);
}
