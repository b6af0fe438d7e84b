package dev.leverans.logging;

/**
 * Values from outside (requests, Klarna answers) made safe for one log line: control characters
 * (CR, LF, ESC, ...) are escaped so they cannot forge lines or colour a terminal.
 */
public final class LogText {
    private LogText() {}

    public static String escape(String raw) {
        if (raw == null) return "null";
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            if (out == null) continue;
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (control) out.append(String.format("\\u%04x", (int) c)); else out.append(c);
                }
            }
        }
        return out == null ? raw : out.toString();
    }

    /** At most {@code max} characters, marked with "…" when cut. */
    public static String clip(String raw, int max) {
        return raw.length() <= max ? raw : raw.substring(0, max) + "…";
    }
}
