package dev.leverans.locations;

import java.util.Locale;

/**
 * Where the parcel goes: ISO country code (trimmed, upper case; null while unknown) and a
 * normalised postal code (null while unknown, as in Klarna's preview calls).
 */
public record Destination(String country, String postalCode) {
    public Destination {
        country = country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
        postalCode = PostalCode.normalise(postalCode);
    }

    /** Klarna shows a preview until it knows where exactly the parcel goes. */
    public boolean preview() {
        return postalCode == null;
    }
}
