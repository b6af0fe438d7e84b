package dev.leverans.rules;

import java.util.List;

/**
 * Include/exclude lists of postal code patterns. While the postal code is not known yet (Klarna's
 * country-only preview) the condition passes; it is checked again once the address is complete.
 */
public record PostalCodeCondition(List<PostalCodePattern> include, List<PostalCodePattern> exclude) implements Condition {
    public PostalCodeCondition {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    @Override
    public String rejectionReason(QuoteRequest request) {
        String code = request.destination().postalCode();
        if (code == null) return null;
        for (PostalCodePattern p : exclude) {
            if (p.matches(code)) return "postal code " + code + " is excluded by " + p;
        }
        if (include.isEmpty()) return null;
        for (PostalCodePattern p : include) {
            if (p.matches(code)) return null;
        }
        return "postal code " + code + " is not in " + include;
    }

    @Override
    public String name() { return "postal_codes"; }

    @Override
    public String passedBecause(QuoteRequest request) {
        String code = request.destination().postalCode();
        if (code == null) return "postal code not known yet (Klarna's preview): checked once the address is complete";
        return "postal code " + code + (exclude.isEmpty() ? "" : " is not excluded by " + exclude)
                + (include.isEmpty() ? "" : (exclude.isEmpty() ? "" : " and") + " is in " + include);
    }
}
