package dev.leverans.ordermanagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A shop order as the module knows it: the authorization, what has been captured and refunded at
 * Klarna, the duplicate group, the shop's last applied status and the audit notes. Immutable;
 * changes return a new value.
 */
public record OmOrder(String merchantId, String shopOrderId, String klarnaOrderId, String currency, long authorizedAmount,
                      List<OrderLine> lines, String tmsReference, String shopStatus, OmState state,
                      long capturedAmount, long refundedAmount, List<String> captureIds, String duplicateOf,
                      KlarnaError attention, int operations, List<Note> notes) {

    public OmOrder {
        lines = List.copyOf(lines);
        captureIds = List.copyOf(captureIds);
        notes = List.copyOf(notes);
    }

    public static OmOrder registered(String merchantId, String shopOrderId, String klarnaOrderId, String currency,
                                     long amount, List<OrderLine> lines, String tmsReference, String duplicateOf, Note note) {
        return new OmOrder(merchantId, shopOrderId, klarnaOrderId, currency, amount, lines, tmsReference, "processing",
                OmState.AUTHORIZED, 0, 0, List.of(), duplicateOf, null, 0, List.of(note));
    }

    public boolean isSecondaryDuplicate() { return duplicateOf != null; }

    public long remainingAuthorized() { return authorizedAmount - capturedAmount; }

    public long refundable() { return capturedAmount - refundedAmount; }

    /** The state the API shows and lists the order under: {@code attention} while its last Klarna call failed. */
    public String listedState() {
        return attention != null ? "attention" : state.name().toLowerCase(Locale.ROOT);
    }

    public OmOrder withNote(Note note) {
        List<Note> all = new ArrayList<>(notes);
        all.add(note);
        return new OmOrder(merchantId, shopOrderId, klarnaOrderId, currency, authorizedAmount, lines, tmsReference,
                shopStatus, state, capturedAmount, refundedAmount, captureIds, duplicateOf, attention, operations, all);
    }

    public OmOrder withShopStatus(String status) {
        return new OmOrder(merchantId, shopOrderId, klarnaOrderId, currency, authorizedAmount, lines, tmsReference,
                status, state, capturedAmount, refundedAmount, captureIds, duplicateOf, attention, operations, notes);
    }

    public OmOrder withAttention(KlarnaError error) {
        return new OmOrder(merchantId, shopOrderId, klarnaOrderId, currency, authorizedAmount, lines, tmsReference,
                shopStatus, state, capturedAmount, refundedAmount, captureIds, duplicateOf, error, operations, notes);
    }

    public OmOrder withNextOperation() {
        return new OmOrder(merchantId, shopOrderId, klarnaOrderId, currency, authorizedAmount, lines, tmsReference,
                shopStatus, state, capturedAmount, refundedAmount, captureIds, duplicateOf, attention, operations + 1, notes);
    }

    /** Klarna's amounts and status as just read or changed; clears any attention. */
    public OmOrder withKlarna(OmState newState, long authorized, long captured, long refunded, List<String> captures) {
        return new OmOrder(merchantId, shopOrderId, klarnaOrderId, currency, authorized, lines, tmsReference,
                shopStatus, newState, captured, refunded, captures, duplicateOf, null, operations, notes);
    }

    public OmOrder withLines(List<OrderLine> newLines, long amount) {
        return new OmOrder(merchantId, shopOrderId, klarnaOrderId, currency, amount, newLines, tmsReference,
                shopStatus, state, capturedAmount, refundedAmount, captureIds, duplicateOf, null, operations, notes);
    }

    public OmOrder dropped() {
        return new OmOrder(merchantId, shopOrderId, klarnaOrderId, currency, authorizedAmount, lines, tmsReference,
                shopStatus, OmState.DROPPED, capturedAmount, refundedAmount, captureIds, duplicateOf, null, operations, notes);
    }
}
