package dev.leverans.rules;

import static dev.leverans.support.Carts.parcel;
import static dev.leverans.support.Carts.stockholm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leverans.locations.LocationIndex;
import dev.leverans.promise.DispatchCalendar;
import dev.leverans.promise.PromiseRule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {
    private static final Instant NOW = Instant.parse("2026-11-18T09:00:00Z");
    private static final DispatchCalendar CALENDAR = new DispatchCalendar(ZoneId.of("Europe/Stockholm"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
    private static final CarrierOption DEFAULT = option("fallback", 9900, List.of());

    private static CarrierOption option(String id, long price, List<Condition> conditions) {
        return new CarrierOption(id, id, null, OptionType.HOME, "Home", "generic", null, "standard", Set.of("SE"),
                conditions, Map.of("SEK", Price.flat(price)), List.of(), new PromiseRule(1, 2, null, null, null), null, List.of());
    }

    private static Condition condition(Function<QuoteRequest, String> rejection) {
        return new Condition() {
            @Override public String rejectionReason(QuoteRequest request) { return rejection.apply(request); }
            @Override public String name() { return "test"; }
            @Override public String passedBecause(QuoteRequest request) { return "passes"; }
        };
    }

    private static RuleTable table(Preselection preselection, CarrierOption... options) {
        return new RuleTable(Set.of("SEK"), Map.of("SE", 2500), 2500, List.of(options), DEFAULT, preselection,
                CALENDAR, LocationIndex.empty(), null, RequestLimits.DEFAULTS);
    }

    @Test
    void aThrowingRuleFallsBackToTheDefaultOption() {
        Condition broken = condition(request -> { throw new IllegalStateException("bug in a rule"); });
        Quote quote = RuleEvaluator.evaluate(table(new Preselection(List.of(), Preselection.Fallback.FIRST),
                option("a", 100, List.of()), option("b", 200, List.of(broken))), stockholm(parcel(1)), NOW);
        assertEquals(Fallback.EVALUATION_FAILED, quote.fallback());
        assertEquals(List.of("fallback"), quote.options().stream().map(o -> o.option().id()).toList());
        assertEquals(true, quote.options().getFirst().preselected());
    }

    @Test
    void cheapestPreselectionTakesTheEarliestOnATie() {
        Quote quote = RuleEvaluator.evaluate(table(new Preselection(List.of(), Preselection.Fallback.CHEAPEST),
                option("a", 300, List.of()), option("b", 100, List.of()), option("c", 100, List.of())), stockholm(parcel(1)), NOW);
        assertEquals(List.of(false, true, false), quote.options().stream().map(OfferedOption::preselected).toList());
    }

    @Test
    void aPreferredOptionThatIsNotOfferedFallsThroughToTheRule() {
        Condition never = condition(request -> "never");
        Quote quote = RuleEvaluator.evaluate(table(new Preselection(List.of("b"), Preselection.Fallback.FIRST),
                option("a", 300, List.of()), option("b", 100, List.of(never))), stockholm(parcel(1)), NOW);
        assertEquals(List.of("a"), quote.options().stream().filter(OfferedOption::preselected).map(o -> o.option().id()).toList());
    }
}
