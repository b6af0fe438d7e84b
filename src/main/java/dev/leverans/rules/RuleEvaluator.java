package dev.leverans.rules;

import dev.leverans.locations.Location;
import dev.leverans.promise.PromiseCalculator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates a rule table for one request: a pure function of (table, request, clock). Never fails
 * for a priced currency: when no option matches, or reading or evaluating the request throws, the
 * default option is answered alone and the reason is reported. This is the one place that falls back.
 */
public final class RuleEvaluator {
    private RuleEvaluator() {}

    public static Quote evaluate(RuleTable table, QuoteRequest request, Instant now) {
        return quote(table, () -> request, () -> request, now, false);
    }

    /**
     * Quotes the request {@code read} returns. When reading or evaluating it fails, the default option
     * is quoted for that request, or for {@code minimal} (currency and country only) when it could not be
     * read; the failure comes with the quote for the caller to log. An unpriced currency is thrown.
     * With {@code explain} every option's trace carries its {@link TraceEntry.Detail} (every condition
     * is checked, not only up to the first that fails): the merchant's preview, same evaluation.
     */
    public static Quote quote(RuleTable table, Supplier<QuoteRequest> read, Supplier<QuoteRequest> minimal, Instant now,
                              boolean explain) {
        List<TraceEntry> trace = new ArrayList<>();
        QuoteRequest request = null;
        try {
            request = read.get();
            requirePriced(table, request);
            return offered(table, request, now, trace, explain);
        } catch (UnpricedCurrencyException e) {
            throw e;
        } catch (RuntimeException e) {
            trace.add(new TraceEntry(null, false, "evaluation failed: " + e));
            QuoteRequest answerable = request != null ? request : minimal.get();
            requirePriced(table, answerable);
            return fallback(table, answerable, now, Fallback.EVALUATION_FAILED, trace).failedWith(e);
        }
    }

    private static void requirePriced(RuleTable table, QuoteRequest request) {
        if (!table.prices(request.currency())) throw new UnpricedCurrencyException(request.currency());
    }

    private static Quote offered(RuleTable table, QuoteRequest request, Instant now, List<TraceEntry> trace, boolean explain) {
        String country = request.destination().country();
        if (country == null) return fallback(table, request, now, Fallback.COUNTRY_UNKNOWN, trace);
        List<CarrierOption> candidates = table.optionsFor(country);
        if (candidates.isEmpty()) return fallback(table, request, now, Fallback.COUNTRY_NOT_SERVED, trace);
        List<OfferedOption> offered = new ArrayList<>();
        for (CarrierOption option : candidates) {
            Attempt attempt = explain ? explained(table, option, request, now) : attempt(table, option, request, now);
            trace.add(new TraceEntry(option.id(), attempt.offered() != null, attempt.reason(), attempt.detail()));
            if (attempt.offered() != null) offered.add(attempt.offered());
        }
        if (offered.isEmpty()) return fallback(table, request, now, Fallback.NO_MATCHING_OPTION, trace);
        int chosen = table.preselection().choose(offered);
        offered.set(chosen, offered.get(chosen).preselect());
        return new Quote(request, offered, null, trace, null);
    }

    /** The default option as offered for this request; it has no conditions and a flat price. */
    public static OfferedOption defaultOffer(RuleTable table, QuoteRequest request, Instant now) {
        return price(table, table.defaultOption(), request, now, table.defaultOption().prices().get(request.currency()).amount(), List.of());
    }

    private static Quote fallback(RuleTable table, QuoteRequest request, Instant now, Fallback reason, List<TraceEntry> trace) {
        trace.add(new TraceEntry(table.defaultOption().id(), true, "default option: " + reason.label()));
        return new Quote(request, List.of(defaultOffer(table, request, now).preselect()), reason, trace, null);
    }

    private record Attempt(OfferedOption offered, String reason, TraceEntry.Detail detail) {
        Attempt(OfferedOption offered, String reason) {
            this(offered, reason, null);
        }
    }

    /** {@link #attempt} with the reasons: every condition's verdict, the price rule, the promise, the locations. */
    private static Attempt explained(RuleTable table, CarrierOption option, QuoteRequest request, Instant now) {
        List<TraceEntry.Verdict> verdicts = new ArrayList<>();
        for (Condition condition : option.conditions()) {
            String rejected = condition.rejectionReason(request);
            verdicts.add(new TraceEntry.Verdict(condition.name(), rejected == null,
                    rejected == null ? condition.passedBecause(request) : rejected));
        }
        Attempt attempt = attempt(table, option, request, now);
        Price price = option.prices().get(request.currency());
        List<String> locations = attempt.offered() == null ? List.of()
                : attempt.offered().locations().stream().map(l -> l.id() + " " + l.name() + " (" + l.address().postalCode() + ")").toList();
        return new Attempt(attempt.offered(), attempt.reason(), new TraceEntry.Detail(verdicts,
                price == null ? "not priced in " + request.currency() : price.explain(request.cart()),
                PromiseCalculator.explain(option.promise(), table.calendar(), now), locations));
    }

    private static Attempt attempt(RuleTable table, CarrierOption option, QuoteRequest request, Instant now) {
        Price price = option.prices().get(request.currency());
        if (price == null) return new Attempt(null, "not priced in " + request.currency());
        for (Condition condition : option.conditions()) {
            String reason = condition.rejectionReason(request);
            if (reason != null) return new Attempt(null, reason);
        }
        Price.Quote amount = price.quote(request.cart());
        if (!amount.priced()) return new Attempt(null, amount.unpricedReason());
        List<Location> locations = List.of();
        if (option.locations() != null) {
            locations = table.locations().nearest(option.locations(), request.destination());
            if (locations.isEmpty()) return new Attempt(null, "no location in " + request.destination().country());
        }
        return new Attempt(price(table, option, request, now, amount.amount(), locations), "all conditions met");
    }

    private static OfferedOption price(RuleTable table, CarrierOption option, QuoteRequest request, Instant now,
                                       long amount, List<Location> locations) {
        int taxRate = table.taxRate(request.destination().country());
        List<OfferedOption.OfferedAddOn> addOns = new ArrayList<>();
        for (AddOn addOn : option.addOns()) {
            Long addOnPrice = addOn.prices().get(request.currency());
            if (addOnPrice != null) addOns.add(new OfferedOption.OfferedAddOn(addOn, addOnPrice));
        }
        return new OfferedOption(option, request.currency(), amount, Tax.includedIn(amount, taxRate), taxRate, false,
                PromiseCalculator.promise(option.promise(), table.calendar(), now), locations, addOns);
    }
}
