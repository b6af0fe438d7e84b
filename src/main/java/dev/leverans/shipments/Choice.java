package dev.leverans.shipments;

import java.util.List;

/** The customer's pick as Klarna sends it: option id, optional location, timeslot and add-ons. */
public record Choice(String optionId, String locationId, String timeslotId, List<SelectedAddOn> addOns) {
    public record SelectedAddOn(String type, String externalId, String userInput) {}

    public Choice {
        addOns = addOns == null ? List.of() : List.copyOf(addOns);
    }
}
