package dev.leverans.rules;

/** The merchant does not price this currency at all, not even with its default option. */
public final class UnpricedCurrencyException extends RuntimeException {
    public UnpricedCurrencyException(String currency) {
        super("currency " + currency + " is not priced by this merchant");
    }
}
