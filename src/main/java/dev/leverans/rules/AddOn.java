package dev.leverans.rules;

import java.util.Map;

/** An extra a customer may add to an option, e.g. an SMS notification or a door entry code. */
public record AddOn(String type, String externalId, String name, Map<String, Long> prices,
                    boolean preselected, Input input) {

    /** Free-text input the customer gives with the add-on (e.g. the entry code itself). */
    public record Input(int maxLength, boolean required) {}

    public AddOn {
        prices = Map.copyOf(prices);
    }
}
