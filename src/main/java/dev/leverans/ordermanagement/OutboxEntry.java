package dev.leverans.ordermanagement;

/**
 * A decided Klarna call, stored before it is made so a crash replays it with the same idempotency
 * key. {@code amount} is what it moves (0 for cancel and shipping info); {@code shopStatus} is
 * the shop status that becomes current when Klarna accepts it (null: unchanged); {@code request}
 * is the shop's request it carries out, so a repeat of that request is recognised while it is queued.
 */
public record OutboxEntry(String id, String merchantId, String shopOrderId, Operation operation, String path,
                          String idempotencyKey, String body, long amount, String shopStatus, String description,
                          String request) {}
