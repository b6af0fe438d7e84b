package dev.leverans.rules;

/** Where the parcel goes: ISO country code and a normalised postal code (null while unknown). */
public record Destination(String country, String postalCode) {
    public Destination {
        postalCode = PostalCode.normalise(postalCode);
    }
}
