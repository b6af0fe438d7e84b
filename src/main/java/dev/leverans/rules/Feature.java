package dev.leverans.rules;

import java.util.List;
import java.util.Map;

/**
 * A badge, link or notice Klarna shows with an option: {@code featureClass} is {@code badge},
 * {@code call_to_action} or {@code info}; {@code url} only for calls to action.
 */
public record Feature(String featureClass, String type, String url) {
    /** Klarna's vocabulary per class (evidenced in Integrator code) and how many of each class an option may show. */
    public record Kind(List<String> types, int max, boolean needsUrl) {}

    public static final Map<String, Kind> KINDS = Map.of(
            "badge", new Kind(List.of("eco-friendly", "carbon-compensated", "evening", "express", "recommended"), 5, false),
            "call_to_action", new Kind(List.of("size-guide", "learn-more"), 2, true),
            "info", new Kind(List.of("distributor-will-contact", "package-removal", "room-delivery"), 2, false));
}
