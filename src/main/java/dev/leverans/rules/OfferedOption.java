package dev.leverans.rules;

import dev.leverans.locations.Location;
import dev.leverans.promise.DeliveryPromise;
import java.util.List;

/** An option as offered to one customer: priced, taxed, promised, with nearby locations. */
public record OfferedOption(CarrierOption option, long price, long taxAmount, int taxRate, boolean preselected,
                            DeliveryPromise promise, List<Location> locations, List<OfferedAddOn> addOns) {

    public record OfferedAddOn(AddOn addOn, long price) {}

    public OfferedOption {
        locations = List.copyOf(locations);
        addOns = List.copyOf(addOns);
    }

    public OfferedOption preselect() {
        return new OfferedOption(option, price, taxAmount, taxRate, true, promise, locations, addOns);
    }

    public OfferedAddOn addOn(String type, String externalId) {
        for (OfferedAddOn a : addOns) {
            if (a.addOn().type().equals(type) && a.addOn().externalId().equals(externalId)) return a;
        }
        return null;
    }
}
