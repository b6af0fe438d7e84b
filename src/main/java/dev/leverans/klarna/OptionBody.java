package dev.leverans.klarna;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.util.RawValue;

/**
 * A shipping option on the wire. Offered options carry {@code locations} and {@code addons};
 * a reserved option carries the chosen {@code location} and {@code selected_addons} instead.
 * Offered locations arrive pre-rendered ({@link LocationBody} as JSON).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptionBody(String id, String name, String description, String type, String method, String carrier,
                         Product carrierProduct, @JsonProperty("class") String serviceClass, long price, long taxAmount,
                         int taxRate, Boolean preselected, DeliveryTime deliveryTime, List<RawValue> locations,
                         List<Addon> addons, LocationBody location, List<Addon> selectedAddons) {

    public record Product(String identifier, String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryTime(Days interval, String cutoff, Window timeOfDay) {}

    /** Business days from today. */
    public record Days(int earliest, int latest) {}

    /** Local clock times ("17:00"). */
    public record Window(String earliest, String latest) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocationBody(String id, String name, AddressBody address, Coordinates coordinates,
                               List<Hours> openingHours) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddressBody(String streetAddress, String postalCode, String city, String country) {}

    public record Coordinates(double latitude, double longitude) {}

    public record Hours(String day, String open, String close) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Addon(String type, String externalId, String name, long price, Boolean preselected, Input input,
                        String userInput) {}

    public record Input(int maxLength, boolean required) {}
}
