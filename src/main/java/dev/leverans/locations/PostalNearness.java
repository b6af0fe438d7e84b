package dev.leverans.locations;

import java.util.Comparator;

/**
 * Ranks locations by how near their postal code is to the customer's, without geodata: first the
 * locations that declare they serve the customer's code, then the longest common prefix, then the
 * smallest numeric distance between the codes. Good for ranking, not for printing a distance.
 */
final class PostalNearness {
    private PostalNearness() {}

    /** A location's rank for one customer code; lower is nearer. */
    record Rank(Location location, int served, int prefix, long distance) {
        static Rank of(IndexedLocation l, String code) {
            return new Rank(l.location(), serves(l, code) ? 0 : 1, commonPrefix(l.postalCode(), code), numericDistance(l.postalCode(), code));
        }
    }

    static final Comparator<Rank> ORDER = Comparator.comparingInt(Rank::served)
            .thenComparing(Comparator.comparingInt(Rank::prefix).reversed())
            .thenComparingLong(Rank::distance);

    static boolean serves(IndexedLocation location, String code) {
        for (String prefix : location.location().servedPostalCodes()) {
            if (code.startsWith(prefix)) return true;
        }
        return false;
    }

    static int commonPrefix(String a, String b) {
        if (a == null) return 0;
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }

    static long numericDistance(String a, String b) {
        if (a == null || a.length() != b.length()) return Long.MAX_VALUE;
        try {
            return Math.abs(Long.parseLong(a) - Long.parseLong(b));
        } catch (NumberFormatException notNumeric) {
            return Long.MAX_VALUE;
        }
    }
}
