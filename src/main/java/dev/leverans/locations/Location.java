package dev.leverans.locations;

import dev.leverans.rules.PostalCode;
import java.util.List;

/**
 * A place where a customer collects a parcel: a carrier's service point or locker, or one of the
 * merchant's stores. {@code servedPostalCodes} are prefixes the carrier says the location serves.
 */
public record Location(String id, String carrier, String type, String name, Address address,
                       Coordinates coordinates, List<OpeningHours> openingHours,
                       List<String> servedPostalCodes) {

    public record Address(String streetAddress, String postalCode, String city, String country) {}

    public record Coordinates(double latitude, double longitude) {}

    public record OpeningHours(String day, String open, String close) {}

    public Location {
        openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        servedPostalCodes = servedPostalCodes == null ? List.of() : servedPostalCodes.stream().map(PostalCode::normalise).toList();
    }
}
