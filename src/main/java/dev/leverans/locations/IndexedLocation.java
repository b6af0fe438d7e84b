package dev.leverans.locations;


/** A location with its postal code normalised once, at load time, for ranking. */
record IndexedLocation(Location location, String postalCode) {
    static IndexedLocation of(Location location) {
        return new IndexedLocation(location, PostalCode.normalise(location.address().postalCode()));
    }
}
