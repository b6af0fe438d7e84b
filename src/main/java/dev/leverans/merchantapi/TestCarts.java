package dev.leverans.merchantapi;

import dev.leverans.klarna.OptionsQuote;
import dev.leverans.merchants.TestCart;
import dev.leverans.rules.OfferedOption;
import dev.leverans.rules.Quote;
import dev.leverans.rules.RuleTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs saved test carts against a rule table, with the same evaluation Klarna's requests get, and says what changed. */
public final class TestCarts {
    /** One cart's run: whether the answer is the expected one, what differs, and the answer itself. */
    public record Result(String name, boolean passed, List<String> differences, TestCart.Expected actual) {}

    private final Clock clock;

    public TestCarts(Clock clock) {
        this.clock = clock;
    }

    TestCart.Expected answer(RuleTable rules, TestCart cart) {
        Instant at = cart.at() == null ? clock.instant() : Instant.parse(cart.at());
        Quote quote = OptionsQuote.of(rules, cart.request(), at, false);
        String preselected = quote.options().stream().filter(OfferedOption::preselected).map(o -> o.option().id()).findFirst().orElse(null);
        return new TestCart.Expected(quote.options().stream().map(o -> new TestCart.ExpectedOption(o.option().id(), o.price())).toList(),
                preselected);
    }

    public List<Result> run(RuleTable rules, List<TestCart> carts) {
        return carts.stream().map(cart -> {
            TestCart.Expected actual = answer(rules, cart);
            List<String> differences = differences(cart.expected(), actual);
            return new Result(cart.name(), differences.isEmpty(), differences, actual);
        }).toList();
    }

    static boolean allPassed(List<Result> results) {
        return results.stream().allMatch(Result::passed);
    }

    static List<String> differences(TestCart.Expected expected, TestCart.Expected actual) {
        Map<String, Long> was = prices(expected);
        Map<String, Long> now = prices(actual);
        List<String> out = new ArrayList<>();
        was.forEach((id, price) -> {
            if (!now.containsKey(id)) out.add(id + " is no longer offered (was " + price + ")");
            else if (!now.get(id).equals(price)) out.add(id + ": price " + price + " -> " + now.get(id));
        });
        now.forEach((id, price) -> {
            if (!was.containsKey(id)) out.add(id + " is newly offered at " + price);
        });
        if (out.isEmpty() && !List.copyOf(was.keySet()).equals(List.copyOf(now.keySet()))) {
            out.add("order changed: " + was.keySet() + " -> " + now.keySet());
        }
        if (expected.preselected() != null && !expected.preselected().equals(actual.preselected())) {
            out.add("preselected: " + expected.preselected() + " -> " + actual.preselected());
        }
        return out;
    }

    private static Map<String, Long> prices(TestCart.Expected e) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (TestCart.ExpectedOption o : e.options()) out.put(o.id(), o.price());
        return out;
    }

    static List<Map<String, Object>> views(List<Result> results) {
        return results.stream().map(r -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", r.name());
            v.put("passed", r.passed());
            v.put("differences", r.differences());
            return v;
        }).toList();
    }
}
