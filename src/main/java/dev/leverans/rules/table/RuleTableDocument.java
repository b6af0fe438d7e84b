package dev.leverans.rules.table;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.leverans.rules.RequestLimits;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rule table as a merchant's configuration holds it (currencies, taxes, options, the default
 * option, preselection, warehouse), bound after JSON-Schema validation; {@link RuleTableFactory}
 * turns it into a {@link dev.leverans.rules.RuleTable}.
 */
public record RuleTableDocument(List<String> currencies, Map<String, Integer> taxRates, int defaultTaxRate, Warehouse warehouse,
                                String previewCountry, PreselectionFile preselection, List<OptionFile> options,
                                OptionFile defaultOption, RequestLimits limits) {

    public record Warehouse(String timeZone, List<String> dispatchDays, List<String> closedDates) {}

    public record PreselectionFile(List<String> prefer, String otherwise) {}

    public record OptionFile(String id, String name, String description, String type, String method, String carrier,
                      ProductFile carrierProduct, @JsonProperty("class") String serviceClass, List<String> countries,
                      ConditionsFile conditions, Map<String, JsonNode> price, List<AddOnFile> addons,
                      DeliveryFile delivery, LocationsFile locations, List<FeatureFile> features) {}

    public record FeatureFile(@JsonProperty("class") String featureClass, String type, String url) {}

    public record ProductFile(String identifier, String name) {}

    public record ConditionsFile(PostalCodesFile postalCodes, BoundsFile weightGrams, List<Integer> maxItemDimensionsMm,
                          Map<String, BoundsFile> orderValue, TagsFile orderTags, TagsFile lineTags) {}

    public record PostalCodesFile(List<String> include, List<String> exclude) {}

    public record BoundsFile(Long min, Long max) {}

    public record TagsFile(List<String> required, List<String> excluded) {}

    public record AddOnFile(String type, String externalId, String name, Map<String, Long> price, boolean preselected,
                     InputFile input) {}

    public record InputFile(int maxLength, boolean required) {}

    public record DeliveryFile(int earliest, int latest, String cutoff, TimeOfDayFile timeOfDay) {}

    public record TimeOfDayFile(String earliest, String latest) {}

    public record LocationsFile(String carrier, List<String> types, Integer limit) {}
}
