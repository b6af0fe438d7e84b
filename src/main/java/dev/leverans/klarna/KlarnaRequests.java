package dev.leverans.klarna;

import dev.leverans.rules.Cart;
import dev.leverans.rules.CartLine;
import dev.leverans.rules.Destination;
import dev.leverans.rules.Dimensions;
import dev.leverans.rules.QuoteRequest;
import dev.leverans.shipments.Choice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Klarna request bodies (already validated against openapi.yaml) to domain requests. Read straight
 * from the JSON tree: this runs on every /shipping_options call. Fields we do not use are ignored.
 */
public final class KlarnaRequests {
    private KlarnaRequests() {}

    public static String sessionId(JsonNode body) {
        return text(body, "session_id");
    }

    public static String currency(JsonNode body) {
        return text(body, "currency");
    }

    public static QuoteRequest quoteRequest(JsonNode body) {
        JsonNode address = body.path("address");
        return new QuoteRequest(currency(body), new Destination(text(address, "country"), text(address, "postal_code")),
                cart(body.path("order")));
    }

    /** Just currency and country: enough to price the default option when the rest cannot be read. */
    public static QuoteRequest countryOnly(JsonNode body) {
        return new QuoteRequest(currency(body), new Destination(text(body.path("address"), "country"), null),
                new Cart(0, Set.of(), List.of()));
    }

    public static Choice choice(JsonNode body) {
        JsonNode s = body.path("selected_shipping_option");
        List<Choice.SelectedAddOn> addOns = new ArrayList<>();
        for (JsonNode a : s.path("selected_addons")) {
            addOns.add(new Choice.SelectedAddOn(text(a, "type"), text(a, "external_id"), text(a, "user_input")));
        }
        return new Choice(text(s, "id"), text(s.path("location"), "id"), text(s.path("timeslot"), "id"), addOns);
    }

    private static Cart cart(JsonNode order) {
        List<CartLine> shippable = new ArrayList<>();
        long linesTotal = 0;
        for (JsonNode line : order.path("order_lines")) {
            linesTotal += line.path("total_amount").asLong(0);
            if (isShippable(line)) shippable.add(cartLine(line));
        }
        JsonNode amount = order.path("order_amount");
        long value = amount.isNumber() ? amount.asLong() : linesTotal;
        return new Cart(value, strings(order.path("tags")), shippable);
    }

    /** Physical goods; Klarna marks fees, discounts and digital goods with other line types. */
    private static boolean isShippable(JsonNode line) {
        String type = text(line, "type");
        return type == null || type.equals("physical");
    }

    private static CartLine cartLine(JsonNode line) {
        JsonNode attrs = line.path("shipping_attributes");
        JsonNode weight = attrs.path("weight");
        JsonNode size = attrs.path("dimensions");
        Dimensions dims = size.path("height").isNumber() && size.path("width").isNumber() && size.path("length").isNumber()
                ? Dimensions.of(size.path("height").asInt(), size.path("width").asInt(), size.path("length").asInt()) : null;
        String reference = text(line, "reference") != null ? text(line, "reference") : text(line, "name");
        JsonNode quantity = line.path("quantity");
        return new CartLine(reference, quantity.isNumber() ? quantity.asInt() : 1, weight.isNumber() ? weight.asInt() : null,
                dims, strings(attrs.path("tags")));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        for (JsonNode item : array) if (item.isString()) out.add(item.asString());
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
