package dev.leverans.klarna;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leverans.locations.Location;
import dev.leverans.promise.DeliveryPromise;
import dev.leverans.rules.AddOn;
import dev.leverans.rules.CarrierOption;
import dev.leverans.rules.OfferedOption;
import dev.leverans.shipments.ReservedOption;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectMapper;

/**
 * Streams shipping options as Klarna JSON. /shipping_options is the hot path, so options are
 * written field by field (no reflection) and locations, which repeat in every answer, are rendered
 * once and embedded as pre-encoded bytes. Offered options carry {@code preselected},
 * {@code locations} and {@code addons}; a reserved option carries the chosen {@code location} and
 * {@code selected_addons} instead.
 */
final class OptionWriter {
    private final ObjectMapper json;
    // Weak keys compare by identity; entries go when a reloaded rule table drops its locations.
    private final Cache<Location, SerializedString> renderedLocations = Caffeine.newBuilder().weakKeys().build();

    OptionWriter(ObjectMapper json) {
        this.json = json;
    }

    byte[] options(List<OfferedOption> offered) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("shipping_options");
            for (OfferedOption o : offered) {
                writeCommon(g, o);
                g.writeBooleanProperty("preselected", o.preselected());
                writeDeliveryTime(g, o.promise());
                if (!o.locations().isEmpty()) {
                    g.writeArrayPropertyStart("locations");
                    for (Location l : o.locations()) g.writeRawValue(rendered(l));
                    g.writeEndArray();
                }
                if (!o.addOns().isEmpty()) {
                    g.writeArrayPropertyStart("addons");
                    for (OfferedOption.OfferedAddOn a : o.addOns()) writeAddOn(g, a.addOn(), a.price(), a.addOn().preselected(), null);
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
                g.writeRawValue(rendered(r.location()));
            }
            if (!r.addOns().isEmpty()) {
                g.writeArrayPropertyStart("selected_addons");
                for (ReservedOption.ChosenAddOn a : r.addOns()) {
                    writeAddOn(g, a.offered().addOn(), a.offered().price(), null, a.userInput());
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Opens the option object and writes what every option has: identity, carrier, price and tax. */
    private static void writeCommon(JsonGenerator g, OfferedOption o) {
        CarrierOption c = o.option();
        g.writeStartObject();
        g.writeStringProperty("id", c.id());
        g.writeStringProperty("name", c.name());
        if (c.description() != null) g.writeStringProperty("description", c.description());
        g.writeStringProperty("type", c.type().wireName());
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

    /** An add-on as offered (with {@code preselected} and its input limits) or as chosen (with the user's input). */
    private static void writeAddOn(JsonGenerator g, AddOn a, long price, Boolean preselected, String userInput) {
        g.writeStartObject();
        g.writeStringProperty("type", a.type());
        g.writeStringProperty("external_id", a.externalId());
        g.writeStringProperty("name", a.name());
        g.writeNumberProperty("price", price);
        if (preselected != null) g.writeBooleanProperty("preselected", preselected);
        if (userInput != null) {
            g.writeStringProperty("user_input", userInput);
        } else if (a.input() != null) {
            g.writeObjectPropertyStart("input");
            g.writeNumberProperty("max_length", a.input().maxLength());
            g.writeBooleanProperty("required", a.input().required());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private SerializedString rendered(Location location) {
        return renderedLocations.get(location, l -> new SerializedString(json.writeValueAsString(locationBody(l))));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record LocationBody(String id, String name, AddressBody address, Coordinates coordinates, List<Hours> openingHours) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record AddressBody(String streetAddress, String postalCode, String city, String country) {}

    private record Coordinates(double latitude, double longitude) {}

    private record Hours(String day, String open, String close) {}

    private static LocationBody locationBody(Location l) {
        Location.Address a = l.address();
        Coordinates coordinates = l.coordinates() == null ? null
                : new Coordinates(l.coordinates().latitude(), l.coordinates().longitude());
        return new LocationBody(l.id(), l.name(), new AddressBody(a.streetAddress(), a.postalCode(), a.city(), a.country()),
                coordinates, l.openingHours().stream().map(h -> new Hours(h.day(), h.open(), h.close())).toList());
    }
}
