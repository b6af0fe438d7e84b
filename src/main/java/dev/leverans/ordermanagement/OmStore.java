package dev.leverans.ordermanagement;

import java.util.List;
import java.util.Optional;

/** Durable order-management state: orders and the outbox, written together. */
public interface OmStore {

    Optional<OmOrder> find(String merchantId, String shopOrderId);

    List<OmOrder> findByKlarnaOrder(String merchantId, String klarnaOrderId);

    /** Stores a new order; false when the shop order id is already registered. */
    boolean insert(OmOrder order);

    void save(OmOrder order);

    /** Saves the order and records the decided call as pending, in one transaction. */
    void saveWithPendingCall(OmOrder order, OutboxEntry entry);

    /** Saves the order and marks the call done (Klarna answered, success or refusal), in one transaction. */
    void saveWithFinishedCall(OmOrder order, OutboxEntry entry);

    boolean isPending(String outboxId);

    /** Calls decided but not known to have reached Klarna, oldest first. */
    List<OutboxEntry> pendingCalls();
}
