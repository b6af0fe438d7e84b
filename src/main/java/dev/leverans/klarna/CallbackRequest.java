package dev.leverans.klarna;

import java.util.List;

/**
 * The body of /shipping_options, /shipment and PUT /shipment/{id} as Klarna sends it (fields we
 * do not use are ignored). {@code selectedShippingOption} is present only on select and change.
 */
public record CallbackRequest(String sessionId, String currency, String locale, Order order, Address address,
                              SelectedOption selectedShippingOption) {

    public record Order(String id, Long orderAmount, List<String> tags, List<OrderLine> orderLines) {}

    public record OrderLine(String reference, String name, String type, Integer quantity, Long totalAmount,
                            ShippingAttributes shippingAttributes) {}

    public record ShippingAttributes(Integer weight, Size dimensions, List<String> tags) {}

    public record Size(Integer height, Integer width, Integer length) {}

    public record Address(String country, String postalCode, String city, String streetAddress) {}

    public record SelectedOption(String id, Ref location, Ref timeslot, List<SelectedAddon> selectedAddons) {}

    public record Ref(String id) {}

    public record SelectedAddon(String type, String externalId, String userInput) {}
}
