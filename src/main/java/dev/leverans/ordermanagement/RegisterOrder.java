package dev.leverans.ordermanagement;

import java.util.List;

/** The body of POST /om/orders. */
public record RegisterOrder(String shopOrderId, String klarnaOrderId, String currency, List<OrderLine> orderLines,
                            long orderAmount, String tmsReference) {}
