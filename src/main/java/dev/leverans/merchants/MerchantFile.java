package dev.leverans.merchants;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The shape of {@code config/merchants/<id>.yaml}, bound after JSON-Schema validation. */
record MerchantFile(String id, String name, Credentials credentials, List<String> apiKeys, List<String> currencies,
                    Map<String, Integer> taxRates, int defaultTaxRate, Warehouse warehouse, String locationsFile,
                    String previewCountry,
                    PreselectionFile preselection, List<OptionFile> options, OptionFile defaultOption,
                    OrderManagementFile orderManagement) {

    record OrderManagementFile(String baseUrl, String username, String password, Map<String, String> shippingCompanies,
                               Boolean requireTracking) {}

    record Credentials(String identifier, String key) {}

    record Warehouse(String timeZone, List<String> dispatchDays, List<String> closedDates) {}

    record PreselectionFile(List<String> prefer, String otherwise) {}

    record OptionFile(String id, String name, String description, String type, String method, String carrier,
                      ProductFile carrierProduct, @JsonProperty("class") String serviceClass, List<String> countries,
                      ConditionsFile conditions, Map<String, JsonNode> price, List<AddOnFile> addons,
                      DeliveryFile delivery, LocationsFile locations, List<FeatureFile> features) {}

    record FeatureFile(@JsonProperty("class") String featureClass, String type, String url) {}

    record ProductFile(String identifier, String name) {}

    record ConditionsFile(PostalCodesFile postalCodes, BoundsFile weightGrams, List<Integer> maxItemDimensionsMm,
                          Map<String, BoundsFile> orderValue, TagsFile orderTags, TagsFile lineTags) {}

    record PostalCodesFile(List<String> include, List<String> exclude) {}

    record BoundsFile(Long min, Long max) {}

    record TagsFile(List<String> required, List<String> excluded) {}

    record AddOnFile(String type, String externalId, String name, Map<String, Long> price, boolean preselected,
                     InputFile input) {}

    record InputFile(int maxLength, boolean required) {}

    record DeliveryFile(int earliest, int latest, String cutoff, TimeOfDayFile timeOfDay) {}

    record TimeOfDayFile(String earliest, String latest) {}

    record LocationsFile(String carrier, List<String> types, Integer limit) {}
}
