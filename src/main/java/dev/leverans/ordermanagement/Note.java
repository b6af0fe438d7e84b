package dev.leverans.ordermanagement;

import java.time.Instant;

/** An audit note on an order: what happened, with amounts and Klarna ids. */
public record Note(Instant at, String text) {}
