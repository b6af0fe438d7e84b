package dev.leverans.klarna;

import dev.leverans.rules.Cart;
import dev.leverans.rules.CartLine;
import dev.leverans.locations.Destination;
import dev.leverans.rules.Dimensions;
import dev.leverans.rules.QuoteRequest;
import dev.leverans.rules.RuleTable;
import dev.leverans.shipments.Booking;
import dev.leverans.shipments.Choice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Klarna request bodies to domain requests, read straight from the JSON tree (this runs on every
 * /shipping_options call). Two shapes are read, the evidenced one first: {@code recipient},
 * {@code order.lines[].attributes}, {@code total_price_including_tax}, {@code order.total_amount},
 * {@code selected_shipping_option.addons[].data}; then the pinned one: {@code address},
 * {@code order.order_lines[].shipping_attributes}, {@code total_amount}, {@code order_amount},
 * {@code selected_addons}. Tolerant: a value of the wrong type or out of range is read as absent.
 */
public final class KlarnaRequests {
    private static final int MAX_QUANTITY = 1_000_000;

    private KlarnaRequests() {}

    public static String sessionId(JsonNode body) {
        return text(body, "session_id");
    }

    public static String currency(JsonNode body) {
        return text(body, "currency");
    }

    public static QuoteRequest quoteRequest(JsonNode body, RuleTable rules) {
        return new QuoteRequest(currency(body), destination(body, rules), cart(body.path("order")));
    }

    /** Just currency and destination: enough to price the default option when the rest cannot be read. */
    public static QuoteRequest countryOnly(JsonNode body, RuleTable rules) {
        return QuoteRequest.countryOnly(currency(body), destination(body, rules).country());
    }

    /**
     * The recipient's country and postal code ({@code recipient}, else {@code address}). Preview
     * calls may carry neither: then the country comes from the locale's region or the merchant's
     * preview country, and the postal code stays unknown.
     */
    static Destination destination(JsonNode body, RuleTable rules) {
        JsonNode recipient = body.path("recipient");
        JsonNode address = text(recipient, "country") != null ? recipient : body.path("address");
        String country = text(address, "country");
        if (country == null || country.isBlank()) return new Destination(rules.previewCountry(localeRegion(body)), null);
        return new Destination(country, text(address, "postal_code"));
    }

    /**
     * Who receives the parcel and where: the evidenced {@code recipient} holds both; the pinned
     * shape keeps the address in {@code address} and names in {@code recipient}. Null when neither
     * says anything (a preview call).
     */
    public static Booking.Recipient recipient(JsonNode body) {
        JsonNode person = body.path("recipient");
        JsonNode address = text(person, "country") != null || text(person, "postal_code") != null ? person : body.path("address");
        if (!person.isObject() && !address.isObject()) return null;
        String company = text(person, "company_name") != null ? text(person, "company_name") : text(person, "organization_name");
        return new Booking.Recipient(text(person, "given_name"), text(person, "family_name"), text(address, "street_address"),
                text(address, "street_address2"), text(address, "postal_code"), text(address, "city"), text(address, "region"),
                text(address, "country"), text(person, "phone"), text(person, "email"),
                text(person, "care_of") != null ? text(person, "care_of") : text(address, "care_of"), company);
    }

    /** Klarna's order id, when the request names it ({@code order.id}; {@code order_id} in the pinned shape). */
    public static String klarnaOrderId(JsonNode body) {
        String id = text(body.path("order"), "id");
        return id != null ? id : text(body, "order_id");
    }

    /** "sv-SE" and "sv_se" give "SE"; a locale without a two-letter region gives null. */
    static String localeRegion(JsonNode body) {
        String locale = text(body, "locale");
        if (locale == null) return null;
        String[] parts = locale.trim().split("[-_]");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() == 2 && Character.isLetter(parts[i].charAt(0)) && Character.isLetter(parts[i].charAt(1))) {
                return parts[i].toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** The shopper's pick: option id, location, timeslot, and the add-ons chosen with their input. */
    public static Choice choice(JsonNode body) {
        JsonNode s = body.path("selected_shipping_option");
        return new Choice(text(s, "id"), text(s.path("location"), "id"), text(s.path("timeslot"), "id"),
                s.path("addons").isArray() ? echoedAddOns(s.path("addons")) : selectedAddOns(s.path("selected_addons")));
    }

    /** Evidenced: every offered add-on comes back; the chosen ones have {@code data.selected: true}. */
    private static List<Choice.SelectedAddOn> echoedAddOns(JsonNode addOns) {
        List<Choice.SelectedAddOn> out = new ArrayList<>();
        for (JsonNode a : elements(addOns)) {
            JsonNode data = a.path("data");
            if (data.path("selected").asBoolean(false)) {
                String id = text(a, "id") != null ? text(a, "id") : text(a, "external_id");
                out.add(new Choice.SelectedAddOn(text(a, "type"), id, text(data, "text")));
            }
        }
        return out;
    }

    private static List<Choice.SelectedAddOn> selectedAddOns(JsonNode addOns) {
        List<Choice.SelectedAddOn> out = new ArrayList<>();
        for (JsonNode a : elements(addOns)) out.add(new Choice.SelectedAddOn(text(a, "type"), text(a, "external_id"), text(a, "user_input")));
        return out;
    }

    private static Cart cart(JsonNode order) {
        List<CartLine> shippable = new ArrayList<>();
        long linesTotal = 0;
        JsonNode lines = order.path("lines").isArray() ? order.path("lines") : order.path("order_lines");
        for (JsonNode line : elements(lines)) {
            Long value = nonNegative(first(line, "total_price_including_tax", "total_amount"));
            if (value != null) linesTotal = saturatedAdd(linesTotal, value);
            if (isShippable(line)) shippable.add(cartLine(line));
        }
        Long declared = nonNegative(first(order, "total_amount", "order_amount"));
        return new Cart(declared != null ? declared : linesTotal, strings(order.path("tags")), shippable,
                nonNegative(order.path("total_weight")));
    }

    /** Physical goods; Klarna marks fees, discounts and digital goods with other line types. */
    private static boolean isShippable(JsonNode line) {
        String type = text(line, "type");
        return type == null || type.equals("physical");
    }

    private static CartLine cartLine(JsonNode line) {
        JsonNode attrs = line.path("attributes").isObject() ? line.path("attributes") : line.path("shipping_attributes");
        JsonNode size = attrs.path("dimensions");
        Integer h = nonNegativeInt(size.path("height")), w = nonNegativeInt(size.path("width")), l = nonNegativeInt(size.path("length"));
        Dimensions dims = h != null && w != null && l != null ? Dimensions.of(h, w, l) : null;
        String reference = text(line, "reference") != null ? text(line, "reference") : text(line, "name");
        Integer quantity = nonNegativeInt(line.path("quantity"));
        int units = quantity == null || quantity < 1 ? 1 : Math.min(quantity, MAX_QUANTITY);
        return new CartLine(reference, units, nonNegativeInt(attrs.path("weight")), dims, strings(attrs.path("tags")));
    }

    private static JsonNode first(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value : node.path(otherwise);
    }

    /** A whole number from 0 to Long.MAX_VALUE, else null (absent, not a number, fractional, negative or too big). */
    private static Long nonNegative(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0 ? n.asLong() : null;
    }

    private static Integer nonNegativeInt(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() && n.asInt() >= 0 ? n.asInt() : null;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        for (JsonNode item : elements(array)) if (item.isString()) out.add(item.asString());
        return out;
    }

    /** The items of an array; nothing for anything else (an object's values are not items). */
    private static Iterable<JsonNode> elements(JsonNode node) {
        return node.isArray() ? node : List.of();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
