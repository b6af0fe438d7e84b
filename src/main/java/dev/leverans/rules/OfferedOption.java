package dev.leverans.rules;

import dev.leverans.locations.Location;
import dev.leverans.promise.DeliveryPromise;
import java.util.List;

/**
 * An option as offered to one customer: priced in {@code currency}, taxed, promised, with nearby
 * locations. A location may have its own price; otherwise it costs the option's price.
 */
public record OfferedOption(CarrierOption option, String currency, long price, long taxAmount, int taxRate,
                            boolean preselected, DeliveryPromise promise, List<Location> locations,
                            List<OfferedAddOn> addOns) {

    public record OfferedAddOn(AddOn addOn, long price) {}

    public OfferedOption {
        locations = List.copyOf(locations);
        addOns = List.copyOf(addOns);
    }

    public OfferedOption preselect() {
        return new OfferedOption(option, currency, price, taxAmount, taxRate, true, promise, locations, addOns);
    }

    /** The price of collecting at {@code location}: its own price in this currency, else the option's. */
    public long priceAt(Location location) {
        Long own = location.price().get(currency);
        return own == null ? price : own;
    }

    /** This option as priced at the chosen location (tax recomputed). */
    public OfferedOption at(Location location) {
        long amount = priceAt(location);
        if (amount == price) return this;
        return new OfferedOption(option, currency, amount, Tax.includedIn(amount, taxRate), taxRate, preselected, promise,
                locations, addOns);
    }

    /** The offered add-on with this external id (and type, when the request names one), or null. */
    public OfferedAddOn addOn(String type, String externalId) {
        for (OfferedAddOn a : addOns) {
            if (a.addOn().externalId().equals(externalId) && (type == null || a.addOn().type().equals(type))) return a;
        }
        return null;
    }
}
