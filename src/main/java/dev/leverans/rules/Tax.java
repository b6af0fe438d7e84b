package dev.leverans.rules;

/**
 * Tax included in a gross price, in integer minor units. Rule: tax = gross × rate / (10000 + rate),
 * rounded half up (to the nearest unit, halves away from zero). Rates carry two implicit decimals.
 */
public final class Tax {
    private Tax() {}

    public static long includedIn(long gross, int rateBasisPoints) {
        if (gross < 0 || rateBasisPoints < 0) throw new IllegalArgumentException("gross and rate must be non-negative");
        long denominator = 10_000L + rateBasisPoints;
        return Math.floorDiv(2 * gross * rateBasisPoints + denominator, 2 * denominator);
    }
}
