package dev.leverans.rules;

/** The input of rule evaluation: what is shipped, where, priced in which currency. */
public record QuoteRequest(String currency, Destination destination, Cart cart) {}
