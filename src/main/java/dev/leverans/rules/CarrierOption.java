package dev.leverans.rules;

import dev.leverans.locations.LocationQuery;
import dev.leverans.promise.PromiseRule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of a merchant's rule table: a carrier product offered where its conditions hold, priced
 * per currency. {@code locations} is null for options delivered to the door; {@code features} are
 * the badges and links shown with it.
 */
public record CarrierOption(
        String id, String name, String description, OptionType type, String method, String carrier,
        CarrierProduct product, String serviceClass, Set<String> countries, List<Condition> conditions,
        Map<String, Price> prices, List<AddOn> addOns, PromiseRule promise, LocationQuery locations,
        List<Feature> features) {

    public CarrierOption {
        countries = Set.copyOf(countries);
        conditions = List.copyOf(conditions);
        prices = Map.copyOf(prices);
        addOns = List.copyOf(addOns);
        features = features == null ? List.of() : List.copyOf(features);
    }

}
