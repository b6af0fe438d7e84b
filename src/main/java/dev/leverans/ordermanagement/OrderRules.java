package dev.leverans.ordermanagement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Klarna order state machine and its invariants, as pure decisions: given the order (already
 * brought up to date with Klarna) and what the shop asks, either the Klarna call to make or a
 * refusal the merchant understands. No I/O.
 */
final class OrderRules {
    private OrderRules() {}

    static KlarnaCall capture(OmOrder o, KlarnaOrder k, Map<String, Object> shippingInfo) {
        requireOpen(o, "captured");
        if (!"ACCEPTED".equals(k.fraudStatus())) {
            throw OmRefusal.invalid("Klarna has not accepted this order yet (fraud status " + k.fraudStatus()
                    + "); it cannot be captured until it is ACCEPTED");
        }
        long remaining = k.remainingAuthorizedAmount();
        if (remaining <= 0) return null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("captured_amount", remaining);
        body.put("description", "Shop order " + o.shopOrderId() + " completed");
        body.put("reference", o.shopOrderId());
        // Lines only for a capture of the whole authorization: then they are exactly the authorized integers.
        if (o.capturedAmount() == 0 && remaining == linesTotal(o.lines())) body.put("order_lines", o.lines());
        if (shippingInfo != null) body.put("shipping_info", List.of(shippingInfo));
        return new KlarnaCall(Operation.CAPTURE, null, body, remaining, "completed",
                "Klarna capture of " + amount(remaining, o) + " completed");
    }

    static KlarnaCall cancel(OmOrder o) {
        if (o.capturedAmount() > 0) throw OmRefusal.conflict("This order has a capture; refund it instead of cancelling");
        if (o.state() == OmState.CANCELLED) return null;
        requireOpen(o, "cancelled");
        return new KlarnaCall(Operation.CANCEL, null, null, 0, "cancelled", "Klarna order cancellation completed");
    }

    static KlarnaCall updateLines(OmOrder o, List<OrderLine> lines, long amount) {
        if (o.capturedAmount() > 0) {
            throw OmRefusal.conflict("This order has a capture; its lines can no longer change. Refund instead");
        }
        requireOpen(o, "updated");
        checkLines(lines, amount, "order_amount");
        if (amount > o.authorizedAmount()) {
            throw OmRefusal.invalid("The new total " + amount(amount, o) + " is higher than the authorized "
                    + amount(o.authorizedAmount(), o) + "; Klarna would refuse the capture. Lower the lines, or take "
                    + "the difference as a new order");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_amount", amount);
        body.put("description", "Lines of shop order " + o.shopOrderId() + " changed");
        body.put("order_lines", lines);
        return new KlarnaCall(Operation.UPDATE_AUTHORIZATION, null, body, amount, null,
                "Klarna order updated: new total " + amount(amount, o));
    }

    static KlarnaCall refund(OmOrder o, RefundRequest r, String shopStatus) {
        if (o.capturedAmount() == 0) {
            throw OmRefusal.conflict("Nothing is captured yet; cancel the order or change its lines instead of refunding");
        }
        List<OrderLine> lines = new ArrayList<>();
        long gross = switch (r.type()) {
            case "full" -> {
                // A fee is a negative line, so the refund then carries the order's lines, which must be what is refundable.
                if (r.returnFee() != null) {
                    if (o.refundable() != linesTotal(o.lines())) {
                        throw OmRefusal.invalid("A return fee on what is left after earlier refunds or part captures needs a "
                                + "lines refund naming the lines");
                    }
                    lines.addAll(o.lines());
                }
                yield o.refundable();
            }
            case "lines" -> {
                if (r.orderLines() == null || r.orderLines().isEmpty()) {
                    throw OmRefusal.invalid("order_lines: a lines refund names the lines to refund");
                }
                checkLines(r.orderLines(), linesTotal(r.orderLines()), "order_lines");
                lines.addAll(r.orderLines());
                yield linesTotal(r.orderLines());
            }
            case "amount" -> {
                if (r.refundedAmount() == null) throw OmRefusal.invalid("refunded_amount: required for an amount refund");
                if (o.lines().stream().map(OrderLine::taxRate).distinct().count() > 1) {
                    throw OmRefusal.invalid("An amount-only refund needs all lines to share one VAT rate; refund lines instead");
                }
                yield r.refundedAmount();
            }
            default -> throw OmRefusal.invalid("type: must be full, lines or amount");
        };
        long refund = gross;
        if (r.returnFee() != null) {
            RefundRequest.ReturnFee fee = r.returnFee();
            long feeTax = Math.round(fee.amount() - fee.amount() * 10000.0 / (10000 + fee.taxRate()));
            if (!lines.isEmpty()) {
                lines.add(new OrderLine("return_fee", "RETURN_FEE", fee.name(), 1, null, -fee.amount(), fee.taxRate(),
                        -fee.amount(), 0, -feeTax));
            }
            refund -= fee.amount();
        }
        if (refund <= 0) throw OmRefusal.invalid("The refund amount must be positive (it is " + amount(refund, o) + ")");
        if (refund > o.refundable()) {
            throw OmRefusal.invalid("A refund of " + amount(refund, o) + " exceeds the " + amount(o.refundable(), o)
                    + " captured and not yet refunded");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refunded_amount", refund);
        body.put("description", r.description() == null ? "Refund for shop order " + o.shopOrderId() : r.description());
        body.put("reference", o.shopOrderId());
        if (!lines.isEmpty()) body.put("order_lines", lines);
        return new KlarnaCall(Operation.REFUND, null, body, refund, shopStatus,
                "Klarna refund of " + amount(refund, o) + " completed: " + body.get("description"));
    }

    static KlarnaCall shippingInfo(OmOrder o, Map<String, Object> shippingInfo) {
        if (o.captureIds().isEmpty()) {
            throw OmRefusal.conflict("Tracking is added to a capture; complete (capture) the order first");
        }
        String captureId = o.captureIds().getLast();
        return new KlarnaCall(Operation.ADD_SHIPPING_INFO, captureId, Map.of("shipping_info", List.of(shippingInfo)), 0, null,
                "Tracking " + shippingInfo.get("tracking_number") + " added to Klarna capture " + captureId);
    }

    static void checkLines(List<OrderLine> lines, long amount, String field) {
        if (lines == null || lines.isEmpty()) throw OmRefusal.invalid("order_lines: at least one line is required");
        for (int i = 0; i < lines.size(); i++) {
            String problem = lines.get(i).inconsistency();
            if (problem != null) throw OmRefusal.invalid("order_lines[" + i + "]: " + problem);
        }
        if (linesTotal(lines) != amount) {
            throw OmRefusal.invalid(field + ": " + amount + " is not the sum of the lines' total_amount (" + linesTotal(lines) + ")");
        }
    }

    /** The sum of the lines' totals; refused when it does not fit an amount (it could never be captured). */
    static long linesTotal(List<OrderLine> lines) {
        long total = 0;
        for (OrderLine line : lines) {
            try {
                total = Math.addExact(total, line.totalAmount());
            } catch (ArithmeticException e) {
                throw OmRefusal.invalid("order_lines: the sum of total_amount is too large to be an amount");
            }
        }
        return total;
    }

    private static void requireOpen(OmOrder o, String verb) {
        if (o.state() == OmState.CANCELLED || o.state() == OmState.EXPIRED || o.state() == OmState.CLOSED) {
            throw OmRefusal.conflict("This order is " + o.state().name().toLowerCase() + " at Klarna; it cannot be " + verb);
        }
    }

    private static String amount(long minor, OmOrder o) {
        return String.format("%d.%02d %s", minor / 100, Math.abs(minor % 100), o.currency());
    }
}
