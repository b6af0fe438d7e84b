package dev.leverans.ordermanagement;

/**
 * A decided Klarna call before it has a key: what to send, the amount it moves, the shop status it
 * completes, and the note to leave.
 */
record KlarnaCall(Operation operation, String captureId, Object body, long amount, String shopStatus, String description) {}
