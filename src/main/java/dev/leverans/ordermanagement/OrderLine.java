package dev.leverans.ordermanagement;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Klarna order line as registered by the shop. Captures and updates send these exact integers
 * back, so what is captured always sums to what was authorized.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderLine(String type, String reference, String name, long quantity, String quantityUnit, long unitPrice,
                        int taxRate, long totalAmount, long totalDiscountAmount, long totalTaxAmount) {

    /** Klarna's line rules; null when the line is consistent, else what is wrong. */
    public String inconsistency() {
        long expected;
        try {
            expected = Math.subtractExact(Math.multiplyExact(quantity, unitPrice), totalDiscountAmount);
        } catch (ArithmeticException e) {
            return "quantity × unit_price − total_discount_amount is too large to be an amount";
        }
        if (totalAmount != expected) {
            return "total_amount " + totalAmount + " is not quantity × unit_price − total_discount_amount (" + expected + ")";
        }
        double expectedTax = totalAmount - totalAmount * 10000.0 / (10000 + taxRate);
        if (Math.abs(totalTaxAmount - expectedTax) > 1) {
            return "total_tax_amount " + totalTaxAmount + " is not within 1 of " + Math.round(expectedTax);
        }
        return null;
    }
}
