package dev.leverans.rules;

/** Why the merchant's default option was answered instead of the rule table's options. */
public enum Fallback {
    COUNTRY_UNKNOWN("country_unknown"),
    COUNTRY_NOT_SERVED("country_not_served"),
    NO_MATCHING_OPTION("no_matching_option"),
    EVALUATION_FAILED("evaluation_failed");

    private final String label;

    Fallback(String label) { this.label = label; }

    public String label() { return label; }
}
