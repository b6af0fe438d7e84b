package dev.leverans.rules;

import dev.leverans.locations.PostalCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A postal code prefix ("981") or an inclusive range ("98000..98999"). Range bounds compare with
 * the same number of leading characters of the code, so "98000..98999" also covers "98138".
 */
public record PostalCodePattern(String low, String high) {
    /** No country's postal codes are longer (without spaces and dashes); a longer "prefix" can match nothing. */
    static final int LONGEST_POSTAL_CODE = 10;
    private static final Pattern DASHED_RANGE = Pattern.compile("^\\s*(\\d{3,})\\s*-\\s*(\\d{3,})\\s*$");

    public static PostalCodePattern parse(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            Matcher range = DASHED_RANGE.matcher(text);
            if (range.matches() && range.group(1).length() == range.group(2).length()) {
                throw new IllegalArgumentException("'" + text + "' looks like a range but is read as one postal code; write "
                        + range.group(1) + ".." + range.group(2) + " for a range");
            }
            return new PostalCodePattern(plausible(text, PostalCode.normalise(text)), null);
        }
        String low = plausible(text, PostalCode.normalise(text.substring(0, dots)));
        String high = plausible(text, PostalCode.normalise(text.substring(dots + 2)));
        if (low == null || high == null || low.length() != high.length() || low.compareTo(high) > 0) {
            throw new IllegalArgumentException("postal code range '" + text + "' needs two bounds of equal length, low first");
        }
        return new PostalCodePattern(low, high);
    }

    private static String plausible(String text, String normalised) {
        if (normalised != null && normalised.length() > LONGEST_POSTAL_CODE) {
            throw new IllegalArgumentException("'" + text + "' is longer than any country's postal codes; a prefix such as "
                    + "\"981\" or a range such as \"98000..98999\" is meant");
        }
        return normalised;
    }

    public boolean matches(String normalisedCode) {
        if (high == null) return normalisedCode.startsWith(low);
        if (normalisedCode.length() < low.length()) return false;
        String head = normalisedCode.substring(0, low.length());
        return head.compareTo(low) >= 0 && head.compareTo(high) <= 0;
    }

    @Override
    public String toString() { return high == null ? low + "*" : low + ".." + high; }
}
