package dev.leverans.ordermanagement;

import java.util.List;

/** Klarna's view of an order (GET /ordermanagement/v1/orders/{id}), the fields the module needs. */
public record KlarnaOrder(String status, String fraudStatus, long orderAmount, long capturedAmount, long refundedAmount,
                          long remainingAuthorizedAmount, List<Capture> captures) {
    public record Capture(String captureId, long capturedAmount) {}

    public KlarnaOrder {
        captures = captures == null ? List.of() : List.copyOf(captures);
    }

    public List<String> captureIds() {
        return captures.stream().map(Capture::captureId).toList();
    }
}
