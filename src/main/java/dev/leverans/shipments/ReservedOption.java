package dev.leverans.shipments;

import dev.leverans.locations.Location;
import dev.leverans.rules.OfferedOption;
import java.util.List;

/** A validated choice: the option as re-evaluated by the server, the location and add-ons picked. */
public record ReservedOption(OfferedOption offered, Location location, List<ChosenAddOn> addOns) {
    public record ChosenAddOn(OfferedOption.OfferedAddOn offered, String userInput) {}

    public ReservedOption {
        addOns = List.copyOf(addOns);
    }

    /** What the customer pays for delivery: the option plus its chosen add-ons. */
    public long totalPrice() {
        return offered.price() + addOns.stream().mapToLong(a -> a.offered().price()).sum();
    }
}
