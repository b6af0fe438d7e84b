package dev.leverans.klarna;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leverans.locations.Location;
import dev.leverans.promise.DeliveryPromise;
import dev.leverans.rules.AddOn;
import dev.leverans.rules.CarrierOption;
import dev.leverans.rules.Feature;
import dev.leverans.rules.OfferedOption;
import dev.leverans.rules.OptionType;
import dev.leverans.shipments.ReservedOption;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectMapper;

/**
 * Streams shipping options as Klarna JSON. /shipping_options is the hot path, so options are
 * written field by field (no reflection) and locations, which repeat in every answer, are rendered
 * once; only their price, which depends on the request, is written per answer. Offered options
 * carry {@code preselected}, {@code locations} and {@code addons}; a reserved option carries the
 * chosen {@code location} and {@code selected_addons} instead.
 */
final class OptionWriter {
    private final ObjectMapper json;
    private final Map<OptionType, String> wireTypes;
    // Weak keys compare by identity; entries go when a reloaded rule table drops its locations.
    // The value is the location's JSON members after "price", starting with a comma, pre-encoded as UTF-8.
    private final Cache<Location, SerializedString> renderedLocations = Caffeine.newBuilder().weakKeys().build();

    /** {@code optionTypes}: Klarna's name for each option type, by our wire name ({@code home} -> {@code delivery-address}). */
    OptionWriter(ObjectMapper json, Map<String, String> optionTypes) {
        this.json = json;
        this.wireTypes = new EnumMap<>(OptionType.class);
        for (OptionType t : OptionType.values()) wireTypes.put(t, optionTypes.getOrDefault(t.wireName(), t.wireName()));
    }

    /** {@code preview}: the postal code is not known yet, so every option is marked as a preview. */
    byte[] options(List<OfferedOption> offered, boolean preview) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("shipping_options");
            for (OfferedOption o : offered) {
                writeCommon(g, o);
                g.writeBooleanProperty("preselected", o.preselected());
                if (preview) g.writeBooleanProperty("preview", true);
                writeDeliveryTime(g, o.promise());
                if (!o.locations().isEmpty()) {
                    g.writeArrayPropertyStart("locations");
                    for (Location l : o.locations()) writeLocation(g, l, o.priceAt(l));
                    g.writeEndArray();
                }
                if (!o.addOns().isEmpty()) {
                    g.writeArrayPropertyStart("addons");
                    for (OfferedOption.OfferedAddOn a : o.addOns()) writeOfferedAddOn(g, a);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    String reserved(ReservedOption r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = json.createGenerator(out)) {
            writeCommon(g, r.offered());
            writeDeliveryTime(g, r.offered().promise());
            if (r.location() != null) {
                g.writeName("location");
                writeLocation(g, r.location(), r.offered().price());
            }
            if (!r.addOns().isEmpty()) {
                g.writeArrayPropertyStart("selected_addons");
                for (ReservedOption.ChosenAddOn a : r.addOns()) writeChosenAddOn(g, a);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Opens the option object and writes what every option has: identity, carrier, price, tax and features. */
    private void writeCommon(JsonGenerator g, OfferedOption o) {
        CarrierOption c = o.option();
        g.writeStartObject();
        g.writeStringProperty("id", c.id());
        g.writeStringProperty("name", c.name());
        if (c.description() != null) g.writeStringProperty("description", c.description());
        g.writeStringProperty("type", wireTypes.get(c.type()));
        g.writeStringProperty("method", c.method());
        g.writeStringProperty("carrier", c.carrier());
        if (c.product() != null) {
            g.writeObjectPropertyStart("carrier_product");
            g.writeStringProperty("identifier", c.product().identifier());
            g.writeStringProperty("name", c.product().name());
            g.writeEndObject();
        }
        g.writeStringProperty("class", c.serviceClass());
        g.writeNumberProperty("price", o.price());
        g.writeNumberProperty("tax_amount", o.taxAmount());
        g.writeNumberProperty("tax_rate", o.taxRate());
        if (!c.features().isEmpty()) {
            g.writeArrayPropertyStart("features");
            for (Feature f : c.features()) {
                g.writeStartObject();
                g.writeStringProperty("class", f.featureClass());
                g.writeStringProperty("type", f.type());
                if (f.url() != null) g.writeStringProperty("url", f.url());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void writeDeliveryTime(JsonGenerator g, DeliveryPromise p) {
        g.writeObjectPropertyStart("delivery_time");
        g.writeObjectPropertyStart("interval");
        g.writeNumberProperty("earliest", p.earliestDays());
        g.writeNumberProperty("latest", p.latestDays());
        g.writeEndObject();
        if (p.cutoff() != null) g.writeStringProperty("cutoff", p.cutoff().toString());
        if (p.timeOfDayEarliest() != null) {
            g.writeObjectPropertyStart("time_of_day");
            g.writeStringProperty("earliest", p.timeOfDayEarliest().toString());
            g.writeStringProperty("latest", p.timeOfDayLatest().toString());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Evidenced flat fields ({@code id}, {@code required}, {@code max_length}) beside the pinned ones. */
    private static void writeOfferedAddOn(JsonGenerator g, OfferedOption.OfferedAddOn offered) {
        AddOn a = offered.addOn();
        writeAddOnIdentity(g, a, offered.price());
        g.writeBooleanProperty("preselected", a.preselected());
        g.writeBooleanProperty("required", a.input() != null && a.input().required());
        if (a.input() != null) {
            g.writeNumberProperty("max_length", a.input().maxLength());
            g.writeObjectPropertyStart("input");
            g.writeNumberProperty("max_length", a.input().maxLength());
            g.writeBooleanProperty("required", a.input().required());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeChosenAddOn(JsonGenerator g, ReservedOption.ChosenAddOn chosen) {
        writeAddOnIdentity(g, chosen.offered().addOn(), chosen.offered().price());
        if (chosen.userInput() != null) g.writeStringProperty("user_input", chosen.userInput());
        g.writeEndObject();
    }

    /** Opens the add-on object with what offered and chosen add-ons share. */
    private static void writeAddOnIdentity(JsonGenerator g, AddOn a, long price) {
        g.writeStartObject();
        g.writeStringProperty("id", a.externalId());
        g.writeStringProperty("type", a.type());
        g.writeStringProperty("external_id", a.externalId());
        g.writeStringProperty("name", a.name());
        g.writeNumberProperty("price", price);
    }

    private void writeLocation(JsonGenerator g, Location l, long price) {
        g.writeStartObject();
        g.writeNumberProperty("price", price);
        g.writeRaw(renderedLocations.get(l, this::renderedMembers));
        g.writeEndObject();
    }

    /** The location's members as JSON text, to follow "price": {@code ,"id":…,"opening_hours":[…]}. */
    private SerializedString renderedMembers(Location l) {
        String object = json.writeValueAsString(locationBody(l));
        return new SerializedString("," + object.substring(1, object.length() - 1));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record LocationBody(String id, String name, AddressBody address, Coordinates coordinates, List<Hours> openingHours) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record AddressBody(String streetAddress, String postalCode, String city, String country) {}

    private record Coordinates(double lat, double lng) {}

    private record Hours(String day, String open, String close) {}

    private static LocationBody locationBody(Location l) {
        Location.Address a = l.address();
        Coordinates coordinates = l.coordinates() == null ? null
                : new Coordinates(l.coordinates().latitude(), l.coordinates().longitude());
        return new LocationBody(l.id(), l.name(), new AddressBody(a.streetAddress(), a.postalCode(), a.city(), a.country()),
                coordinates, l.openingHours().stream().map(h -> new Hours(h.day(), h.open(), h.close())).toList());
    }
}
