package dev.leverans.klarna;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leverans.locations.Location;
import dev.leverans.promise.DeliveryPromise;
import dev.leverans.rules.AddOn;
import dev.leverans.rules.CarrierOption;
import dev.leverans.rules.OfferedOption;
import dev.leverans.shipments.ReservedOption;
import dev.leverans.shipments.Shipment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.util.RawValue;
import tools.jackson.databind.node.ObjectNode;

/** Domain results to Klarna response bodies: the one place that knows Klarna's field names. */
public final class KlarnaResponses {
    private final ObjectMapper json;
    // Locations are immutable and repeat in every answer: render each once. Weak keys compare by
    // identity, and entries go when a reloaded rule table drops its locations.
    private final Cache<Location, RawValue> renderedLocations = Caffeine.newBuilder().weakKeys().build();

    public KlarnaResponses(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> options(List<OfferedOption> offered) {
        return Map.of("shipping_options", offered.stream().map(this::offered).toList());
    }

    /** The reserved option as stored and answered to Klarna (without tms_reference, added per answer). */
    public String reservedSnapshot(ReservedOption r) {
        OfferedOption o = r.offered();
        List<OptionBody.Addon> addOns = r.addOns().stream()
                .map(a -> addon(a.offered().addOn(), a.offered().price(), null, a.userInput())).toList();
        return json.writeValueAsString(body(o, null, null, r.location() == null ? null : location(r.location()), addOns));
    }

    /** POST/PUT /shipment and GET /shipment/{id}: the reservation with its option and tracking. */
    public Map<String, Object> shipment(Shipment s) {
        ObjectNode option = (ObjectNode) json.readTree(s.choice().optionJson());
        option.put("tms_reference", s.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shipment_id", s.id());
        body.put("status", s.status().wireName());
        body.put("selected_shipping_option", option);
        if (s.tracking() != null) {
            Map<String, String> tracking = new LinkedHashMap<>();
            tracking.put("number", s.tracking().number());
            if (s.tracking().url() != null) tracking.put("url", s.tracking().url());
            body.put("tracking", tracking);
        }
        if (s.additionalInfo() != null) body.put("additional_info", s.additionalInfo());
        return body;
    }

    private OptionBody offered(OfferedOption o) {
        List<RawValue> locations = o.locations().isEmpty() ? null : o.locations().stream()
                .map(l -> renderedLocations.get(l, k -> new RawValue(new SerializedString(json.writeValueAsString(location(k)))))).toList();
        List<OptionBody.Addon> addOns = o.addOns().isEmpty() ? null : o.addOns().stream()
                .map(a -> addon(a.addOn(), a.price(), a.addOn().preselected(), null)).toList();
        return body(o, locations, addOns, null, null);
    }

    private static OptionBody body(OfferedOption o, List<RawValue> locations, List<OptionBody.Addon> addOns,
                                   OptionBody.LocationBody location, List<OptionBody.Addon> selectedAddOns) {
        CarrierOption c = o.option();
        OptionBody.Product product = c.product() == null ? null : new OptionBody.Product(c.product().identifier(), c.product().name());
        return new OptionBody(c.id(), c.name(), c.description(), c.type().wireName(), c.method(), c.carrier(), product,
                c.serviceClass(), o.price(), o.taxAmount(), o.taxRate(), location == null && selectedAddOns == null ? o.preselected() : null,
                deliveryTime(o.promise()), locations, addOns, location, selectedAddOns);
    }

    private static OptionBody.DeliveryTime deliveryTime(DeliveryPromise p) {
        OptionBody.Window timeOfDay = p.timeOfDayEarliest() == null ? null
                : new OptionBody.Window(p.timeOfDayEarliest().toString(), p.timeOfDayLatest().toString());
        return new OptionBody.DeliveryTime(new OptionBody.Days(p.earliestDays(), p.latestDays()),
                p.cutoff() == null ? null : p.cutoff().toString(), timeOfDay);
    }

    private static OptionBody.LocationBody location(Location l) {
        Location.Address a = l.address();
        OptionBody.Coordinates coordinates = l.coordinates() == null ? null
                : new OptionBody.Coordinates(l.coordinates().latitude(), l.coordinates().longitude());
        List<OptionBody.Hours> hours = l.openingHours().stream().map(h -> new OptionBody.Hours(h.day(), h.open(), h.close())).toList();
        return new OptionBody.LocationBody(l.id(), l.name(),
                new OptionBody.AddressBody(a.streetAddress(), a.postalCode(), a.city(), a.country()), coordinates, hours);
    }

    private static OptionBody.Addon addon(AddOn a, long price, Boolean preselected, String userInput) {
        OptionBody.Input input = a.input() == null ? null : new OptionBody.Input(a.input().maxLength(), a.input().required());
        return new OptionBody.Addon(a.type(), a.externalId(), a.name(), price, preselected, userInput == null ? input : null, userInput);
    }
}
