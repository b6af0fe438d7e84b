package dev.leverans.locations;

import java.util.Set;

/** Which of the merchant's locations an option is collected at, and how many to show. */
public record LocationQuery(String carrier, Set<String> locationTypes, int limit) {
    public LocationQuery {
        locationTypes = Set.copyOf(locationTypes);
    }
}
