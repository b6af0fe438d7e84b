package dev.leverans.rules;

/** The carrier's own product code and name, e.g. PostNord "19" / "MyPack Collect". */
public record CarrierProduct(String identifier, String name) {}
