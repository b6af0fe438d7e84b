package dev.leverans.locations;

import java.util.List;
import java.util.Map;

/**
 * A place where a customer collects a parcel: a carrier's service point or locker, or one of the
 * merchant's stores. {@code servedPostalCodes} are prefixes the carrier says the location serves;
 * {@code price} (per currency, optional) replaces the option's price when collected here.
 */
public record Location(String id, String carrier, String type, String name, Address address,
                       Coordinates coordinates, List<OpeningHours> openingHours,
                       List<String> servedPostalCodes, Map<String, Long> price) {

    public record Address(String streetAddress, String postalCode, String city, String country) {}

    public record Coordinates(double latitude, double longitude) {}

    public record OpeningHours(String day, String open, String close) {}

    public Location {
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        price = price == null ? Map.of() : Map.copyOf(price);
        servedPostalCodes = servedPostalCodes == null ? List.of() : servedPostalCodes.stream().map(PostalCode::normalise).toList();
    }
}
