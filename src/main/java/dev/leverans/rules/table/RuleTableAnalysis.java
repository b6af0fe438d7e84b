package dev.leverans.rules.table;

import dev.leverans.config.ProblemReport;
import dev.leverans.locations.Destination;
import dev.leverans.locations.LocationIndex;
import dev.leverans.rules.CarrierOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Static analysis of a rule table that builds: what is allowed but almost certainly not meant,
 * reported as warnings (they never stop a load or an activation) — options that can never be
 * offered, prices that stop short of what an option allows, countries served by no option,
 * preferences that never apply.
 */
final class RuleTableAnalysis {
    private final ProblemReport problems;

    RuleTableAnalysis(ProblemReport problems) {
        this.problems = problems;
    }

    void analyse(RuleTableDocument document, List<CarrierOption> options, LocationIndex locations) {
        Set<String> never = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            CarrierOption option = options.get(i);
            RuleTableDocument.OptionFile file = document.options().get(i);
            String at = "/options/" + i;
            Set<String> unpriced = new TreeSet<>(document.currencies());
            unpriced.removeAll(option.prices().keySet());
            if (!unpriced.isEmpty()) problems.warn(at + "/price", "not priced in " + unpriced + ": never offered in those currencies");
            if (contradictory(file.conditions())) {
                problems.warn(at + "/conditions", "a minimum above its maximum: this option can never be offered");
                never.add(option.id());
            }
            if (option.locations() != null && option.countries().stream()
                    .allMatch(country -> locations.nearest(option.locations(), new Destination(country, null)).isEmpty())) {
                problems.warn(at + "/locations", "no location of carrier " + option.locations().carrier() + " and types "
                        + option.locations().locationTypes() + " in " + new TreeSet<>(option.countries()) + ": this option can never be offered");
                never.add(option.id());
            }
            weightTiersShort(file, at);
        }
        for (String country : new TreeSet<>(document.taxRates().keySet())) {
            if (options.stream().noneMatch(o -> o.countries().contains(country))) {
                problems.warn("/tax_rates/" + country, "no option serves " + country + ": customers there get the default option only");
            }
        }
        List<String> prefer = document.preselection() == null || document.preselection().prefer() == null ? List.of()
                : document.preselection().prefer();
        for (int i = 0; i < prefer.size(); i++) {
            if (never.contains(prefer.get(i))) {
                problems.warn("/preselection/prefer/" + i, prefer.get(i) + " can never be offered, so this preference never applies");
            }
        }
    }

    private static boolean contradictory(RuleTableDocument.ConditionsFile c) {
        if (c == null) return false;
        List<RuleTableDocument.BoundsFile> bounds = new ArrayList<>();
        if (c.weightGrams() != null) bounds.add(c.weightGrams());
        if (c.orderValue() != null) bounds.addAll(c.orderValue().values());
        boolean tags = overlap(c.orderTags()) || overlap(c.lineTags());
        return tags || bounds.stream().anyMatch(b -> b.min() != null && b.max() != null && b.min() > b.max());
    }

    private static boolean overlap(RuleTableDocument.TagsFile tags) {
        return tags != null && tags.required() != null && tags.excluded() != null
                && tags.required().stream().anyMatch(tags.excluded()::contains);
    }

    /** Weight tiers that end below the option's weight limit leave the carts in between unpriced. */
    private void weightTiersShort(RuleTableDocument.OptionFile file, String at) {
        Long max = file.conditions() == null || file.conditions().weightGrams() == null ? null : file.conditions().weightGrams().max();
        for (Map.Entry<String, tools.jackson.databind.JsonNode> price : file.price().entrySet()) {
            var tiers = price.getValue().path("weight_tiers");
            if (tiers.isEmpty()) continue;
            long last = tiers.get(tiers.size() - 1).path("up_to_grams").asLong();
            if (max == null || last < max) {
                problems.warn(at + "/price/" + price.getKey() + "/weight_tiers", "tiers end at " + last + " g but the option allows "
                        + (max == null ? "any weight" : "up to " + max + " g") + ": heavier carts are not priced, so not offered");
            }
        }
    }
}
