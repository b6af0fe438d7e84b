package dev.leverans.rules;

/** The kinds of delivery a customer can pick, with the wire names used in config and callbacks. */
public enum OptionType {
    HOME("home"), LOCKER("locker"), PICKUP_POINT("pickup_point"), IN_STORE("in_store"), LETTER("letter");

    private final String wireName;

    OptionType(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    /** Pickup-type options are collected at a location, so they need locations to be offered. */
    public boolean collectedAtLocation() {
        return this == LOCKER || this == PICKUP_POINT || this == IN_STORE;
    }

    public static OptionType fromWire(String name) {
        for (OptionType t : values()) if (t.wireName.equals(name)) return t;
        throw new IllegalArgumentException("unknown option type '" + name + "'");
    }
}
