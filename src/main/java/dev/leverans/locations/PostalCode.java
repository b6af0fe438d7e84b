package dev.leverans.locations;

import java.util.Locale;

/** Postal codes compared without spaces or dashes and in upper case: "981 38" equals "98138". */
public final class PostalCode {
    private PostalCode() {}

    public static String normalise(String raw) {
        if (raw == null) return null;
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != ' ' && c != '-' && c != '\u00a0') out.append(c);
        }
        return out.isEmpty() ? null : out.toString().toUpperCase(Locale.ROOT);
    }
}
