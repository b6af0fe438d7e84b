package dev.leverans.ordermanagement;

import java.util.List;

/**
 * A refund as the shop asks for it: {@code full} (everything captured and not yet refunded),
 * {@code lines} (these lines), or {@code amount} (goodwill, without lines); optionally minus a
 * return fee, which Klarna receives as a negative {@code return_fee} line.
 */
public record RefundRequest(String type, List<OrderLine> orderLines, Long refundedAmount, ReturnFee returnFee, String description) {
    public record ReturnFee(String name, long amount, int taxRate) {}
}
