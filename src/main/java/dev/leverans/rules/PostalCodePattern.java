package dev.leverans.rules;

/**
 * A postal code prefix ("981") or an inclusive range ("98000..98999"). Range bounds compare with
 * the same number of leading characters of the code, so "98000..98999" also covers "98138".
 */
public record PostalCodePattern(String low, String high) {

    public static PostalCodePattern parse(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            String prefix = PostalCode.normalise(text);
            return new PostalCodePattern(prefix, null);
        }
        String low = PostalCode.normalise(text.substring(0, dots));
        String high = PostalCode.normalise(text.substring(dots + 2));
        if (low == null || high == null || low.length() != high.length() || low.compareTo(high) > 0) {
            throw new IllegalArgumentException("postal code range '" + text + "' needs two bounds of equal length, low first");
        }
        return new PostalCodePattern(low, high);
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
