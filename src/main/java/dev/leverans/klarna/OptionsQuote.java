package dev.leverans.klarna;

import dev.leverans.rules.Quote;
import dev.leverans.rules.RuleEvaluator;
import dev.leverans.rules.RuleTable;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** The quote for a {@code shipping_options} body: one path for Klarna's callback and the merchant's preview. */
public final class OptionsQuote {
    private OptionsQuote() {}

    /** Never fails for a priced currency: anything unexpected quotes the default option (the failure is in the quote). */
    public static Quote of(RuleTable rules, JsonNode body, Instant now, boolean explain) {
        return RuleEvaluator.quote(rules, () -> KlarnaRequests.quoteRequest(body, rules), () -> KlarnaRequests.countryOnly(body, rules),
                now, explain);
    }

    /** Whether the answer is a preview: the postal code is not known yet, or the request could not be evaluated. */
    public static boolean preview(Quote quote) {
        return quote.failure() != null || quote.request().destination().preview();
    }
}
