package dev.leverans.ordermanagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderRulesTest {
    private static final OrderLine BOOTS = new OrderLine("physical", "B", "Boots", 1, null, 129900, 2500, 129900, 0, 25980);
    private static final OrderLine SOCKS = new OrderLine("physical", "S", "Socks", 2, null, 4950, 2500, 9900, 0, 1980);
    private static final OmOrder ORDER = OmOrder.registered("demo", "SO-1", "K-1", "SEK", 139800, List.of(BOOTS, SOCKS),
            null, null, new Note(Instant.EPOCH, "registered"));

    private static KlarnaOrder klarna(String status, String fraud, long amount, long captured) {
        return new KlarnaOrder(status, fraud, amount, captured, 0, amount - captured, List.of());
    }

    private static OmOrder captured(long amount) {
        return ORDER.withKlarna(OmState.CAPTURED, 139800, amount, 0, List.of("cap-1"));
    }

    @Test
    void aFullCaptureSendsTheAuthorizedLinesAndAmount() {
        KlarnaCall call = OrderRules.capture(ORDER, klarna("AUTHORIZED", "ACCEPTED", 139800, 0), null);
        @SuppressWarnings("unchecked") Map<String, Object> body = (Map<String, Object>) call.body();
        assertEquals(139800L, body.get("captured_amount"));
        assertEquals(List.of(BOOTS, SOCKS), body.get("order_lines"));
    }

    @Test
    void aCaptureTakesOnlyWhatRemainsAndNothingWhenFullyCaptured() {
        OmOrder part = ORDER.withKlarna(OmState.PART_CAPTURED, 139800, 9900, 0, List.of("c"));
        KlarnaCall call = OrderRules.capture(part, klarna("PART_CAPTURED", "ACCEPTED", 139800, 9900), null);
        assertEquals(129900, call.amount());
        assertTrue(!((Map<?, ?>) call.body()).containsKey("order_lines"), "a partial remainder is captured without lines");
        assertNull(OrderRules.capture(captured(139800), klarna("CAPTURED", "ACCEPTED", 139800, 139800), null));
    }

    @Test
    void noCaptureWithoutAcceptedFraudStatus() {
        assertEquals(422, assertThrows(OmRefusal.class,
                () -> OrderRules.capture(ORDER, klarna("AUTHORIZED", "PENDING", 139800, 0), null)).status());
    }

    @Test
    void cancelOnlyWhileNothingIsCaptured() {
        assertEquals(Operation.CANCEL, OrderRules.cancel(ORDER).operation());
        OmRefusal refusal = assertThrows(OmRefusal.class, () -> OrderRules.cancel(captured(9900)));
        assertEquals("This order has a capture; refund it instead of cancelling", refusal.getMessage());
    }

    @Test
    void updatesOnlyBeforeCaptureAndNeverUpward() {
        assertEquals(129900, OrderRules.updateLines(ORDER, List.of(BOOTS), 129900).amount());
        OrderLine more = new OrderLine("physical", "B", "Boots", 2, null, 129900, 2500, 259800, 0, 51960);
        assertEquals(422, assertThrows(OmRefusal.class, () -> OrderRules.updateLines(ORDER, List.of(more), 259800)).status());
        assertEquals(409, assertThrows(OmRefusal.class, () -> OrderRules.updateLines(captured(9900), List.of(BOOTS), 129900)).status());
    }

    @Test
    void refundsNeverExceedCapturedMinusRefunded() {
        OmOrder o = ORDER.withKlarna(OmState.CAPTURED, 139800, 139800, 139000, List.of("c"));
        assertEquals(800, OrderRules.refund(o, new RefundRequest("full", null, null, null, null), null).amount());
        assertEquals(422, assertThrows(OmRefusal.class,
                () -> OrderRules.refund(o, new RefundRequest("amount", null, 801L, null, null), null)).status());
        assertEquals(409, assertThrows(OmRefusal.class,
                () -> OrderRules.refund(ORDER, new RefundRequest("full", null, null, null, null), null)).status());
    }

    @Test
    void linesMustFollowKlarnasArithmetic() {
        assertNull(BOOTS.inconsistency());
        assertTrue(new OrderLine("physical", "X", "X", 2, null, 100, 2500, 150, 0, 30).inconsistency().contains("total_amount"));
        assertTrue(new OrderLine("physical", "X", "X", 1, null, 10000, 2500, 10000, 0, 1500).inconsistency().contains("total_tax_amount"));
        assertNull(new OrderLine("physical", "X", "X", 1, null, 10000, 2500, 10000, 0, 2001).inconsistency(), "±1 is allowed");
    }

    @Test
    void idempotencyKeysAreDeterministicPerOperationAndSequence() {
        String key = OrderManagement.idempotencyKey(ORDER, Operation.CAPTURE);
        assertEquals(key, OrderManagement.idempotencyKey(ORDER, Operation.CAPTURE));
        assertNotEquals(key, OrderManagement.idempotencyKey(ORDER.withNextOperation(), Operation.CAPTURE));
        assertNotEquals(key, OrderManagement.idempotencyKey(ORDER, Operation.REFUND));
    }
}
