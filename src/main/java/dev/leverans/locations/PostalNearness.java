package dev.leverans.locations;

import java.util.Comparator;

/**
 * Ranks locations by how near their postal code is to the customer's, without geodata: first the
 * locations that declare they serve the customer's code, then the longest common prefix, then the
 * smallest numeric distance between the codes. Good for ranking, not for printing a distance.
 */
final class PostalNearness {
    private PostalNearness() {}

    static Comparator<Location> to(String customerCode) {
        return Comparator.<Location>comparingInt(l -> serves(l, customerCode) ? 0 : 1)
                .thenComparing(Comparator.<Location>comparingInt(l -> commonPrefix(l.normalisedPostalCode(), customerCode)).reversed())
                .thenComparingLong(l -> numericDistance(l.normalisedPostalCode(), customerCode));
    }

    static boolean serves(Location location, String code) {
        for (String prefix : location.servedPostalCodes()) {
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
