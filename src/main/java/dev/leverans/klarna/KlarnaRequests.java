package dev.leverans.klarna;

import dev.leverans.rules.Cart;
import dev.leverans.rules.CartLine;
import dev.leverans.rules.Destination;
import dev.leverans.rules.Dimensions;
import dev.leverans.rules.QuoteRequest;
import dev.leverans.shipments.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Klarna request bodies to domain requests. */
public final class KlarnaRequests {
    private KlarnaRequests() {}

    public static QuoteRequest quoteRequest(CallbackRequest body) {
        CallbackRequest.Address a = body.address();
        return new QuoteRequest(body.currency(), new Destination(a.country(), a.postalCode()), cart(body.order()));
    }

    /** Just currency and country: enough to price the default option when the rest cannot be read. */
    public static QuoteRequest countryOnly(CallbackRequest body) {
        return new QuoteRequest(body.currency(), new Destination(body.address().country(), null), new Cart(0, Set.of(), List.of()));
    }

    public static Choice choice(CallbackRequest body) {
        CallbackRequest.SelectedOption s = body.selectedShippingOption();
        List<Choice.SelectedAddOn> addOns = s.selectedAddons() == null ? List.of() : s.selectedAddons().stream()
                .map(a -> new Choice.SelectedAddOn(a.type(), a.externalId(), a.userInput())).toList();
        return new Choice(s.id(), s.location() == null ? null : s.location().id(),
                s.timeslot() == null ? null : s.timeslot().id(), addOns);
    }

    private static Cart cart(CallbackRequest.Order order) {
        if (order == null) return new Cart(0, Set.of(), List.of());
        List<CallbackRequest.OrderLine> lines = order.orderLines() == null ? List.of() : order.orderLines();
        List<CartLine> shippable = new ArrayList<>();
        long linesTotal = 0;
        for (CallbackRequest.OrderLine line : lines) {
            linesTotal += line.totalAmount() == null ? 0 : line.totalAmount();
            if (isShippable(line)) shippable.add(cartLine(line));
        }
        long value = order.orderAmount() != null ? order.orderAmount() : linesTotal;
        return new Cart(value, order.tags() == null ? Set.of() : Set.copyOf(order.tags()), shippable);
    }

    /** Physical goods; Klarna marks fees, discounts and digital goods with other line types. */
    private static boolean isShippable(CallbackRequest.OrderLine line) {
        return line.type() == null || line.type().equals("physical");
    }

    private static CartLine cartLine(CallbackRequest.OrderLine line) {
        CallbackRequest.ShippingAttributes attrs = line.shippingAttributes();
        Integer weight = attrs == null ? null : attrs.weight();
        CallbackRequest.Size s = attrs == null ? null : attrs.dimensions();
        Dimensions dims = s == null || s.height() == null || s.width() == null || s.length() == null
                ? null : Dimensions.of(s.height(), s.width(), s.length());
        Set<String> tags = attrs == null || attrs.tags() == null ? Set.of() : Set.copyOf(attrs.tags());
        String reference = line.reference() != null ? line.reference() : line.name();
        return new CartLine(reference, line.quantity() == null ? 1 : line.quantity(), weight, dims, tags);
    }
}
