package dev.leverans.rules;

/** Why one option was offered or not, for support and the merchant's preview. */
public record TraceEntry(String optionId, boolean offered, String reason) {}
