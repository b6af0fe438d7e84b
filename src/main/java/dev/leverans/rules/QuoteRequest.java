package dev.leverans.rules;

import dev.leverans.locations.Destination;

/** The input of rule evaluation: what is shipped, where, priced in which currency. */
public record QuoteRequest(String currency, Destination destination, Cart cart) {}
