package dev.leverans.rules;

/** How a trace writes an optional range: "[100, 500] g", "at most 500 g", "at least 100". */
final class RangeText {
    private RangeText() {}

    static String text(Long min, Long max, String unit) {
        if (min != null && max != null) return "[" + min + ", " + max + "]" + unit;
        if (max != null) return "at most " + max + unit;
        if (min != null) return "at least " + min + unit;
        return "any value";
    }
}
