package dev.leverans.rules;

import dev.leverans.locations.Destination;
import java.util.List;
import java.util.Set;

/** The input of rule evaluation: what is shipped, where, priced in which currency. */
public record QuoteRequest(String currency, Destination destination, Cart cart) {
    /** Only currency and country known: no postal code yet, an empty cart (the default option's and KCO's fallback). */
    public static QuoteRequest countryOnly(String currency, String country) {
        return new QuoteRequest(currency, new Destination(country, null), new Cart(0, Set.of(), List.of()));
    }
}
