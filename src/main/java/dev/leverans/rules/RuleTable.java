package dev.leverans.rules;

import dev.leverans.locations.LocationIndex;
import dev.leverans.promise.DispatchCalendar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A merchant's rule table, immutable and indexed by destination country. Options keep the order
 * the merchant declared, which is the display order.
 */
public final class RuleTable {
    private final Set<String> currencies;
    private final Map<String, Integer> taxRates;
    private final int defaultTaxRate;
    private final List<CarrierOption> options;
    private final CarrierOption defaultOption;
    private final Preselection preselection;
    private final DispatchCalendar calendar;
    private final LocationIndex locations;
    private final Map<String, List<CarrierOption>> optionsByCountry;
    private final String previewCountry;
    private final RequestLimits limits;

    public RuleTable(Set<String> currencies, Map<String, Integer> taxRates, int defaultTaxRate,
                     List<CarrierOption> options, CarrierOption defaultOption, Preselection preselection,
                     DispatchCalendar calendar, LocationIndex locations, String previewCountry, RequestLimits limits) {
        this.currencies = Set.copyOf(currencies);
        this.taxRates = Map.copyOf(taxRates);
        this.defaultTaxRate = defaultTaxRate;
        this.options = List.copyOf(options);
        this.defaultOption = defaultOption;
        this.preselection = preselection;
        this.calendar = calendar;
        this.locations = locations;
        this.limits = limits;
        Map<String, List<CarrierOption>> byCountry = new HashMap<>();
        for (CarrierOption o : this.options) {
            for (String country : o.countries()) byCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(o);
        }
        byCountry.replaceAll((c, list) -> List.copyOf(list));
        this.optionsByCountry = Map.copyOf(byCountry);
        this.previewCountry = previewCountry;
    }

    public CarrierOption defaultOption() { return defaultOption; }
    public Preselection preselection() { return preselection; }
    public DispatchCalendar calendar() { return calendar; }
    public LocationIndex locations() { return locations; }

    public boolean prices(String currency) { return currencies.contains(currency); }

    public int taxRate(String country) { return country == null ? defaultTaxRate : taxRates.getOrDefault(country, defaultTaxRate); }

    public List<CarrierOption> optionsFor(String country) {
        return country == null ? List.of() : optionsByCountry.getOrDefault(country, List.of());
    }

    /**
     * The country to preview options for while Klarna has not sent one: the region of the
     * shopper's locale when this merchant serves it, else the configured preview country (may be null).
     */
    public String previewCountry(String localeRegion) {
        return localeRegion != null && optionsByCountry.containsKey(localeRegion) ? localeRegion : previewCountry;
    }

    /** An option of the table by id, including the default option; null when unknown. */
    public CarrierOption option(String id) {
        if (defaultOption.id().equals(id)) return defaultOption;
        for (CarrierOption o : options) if (o.id().equals(id)) return o;
        return null;
    }

    /** The merchant's own request limits; fields it leaves out are null (the server's default). */
    public RequestLimits limits() { return limits; }
}
