package dev.leverans.support;

import dev.leverans.rules.Cart;
import dev.leverans.rules.CartLine;
import dev.leverans.locations.Destination;
import dev.leverans.rules.Dimensions;
import dev.leverans.rules.QuoteRequest;
import java.util.List;
import java.util.Set;

/** Domain requests for rule tests. */
public final class Carts {
    private Carts() {}

    public static CartLine line(int grams, int h, int w, int l, String... tags) {
        return new CartLine("SKU-" + grams, 1, grams, Dimensions.of(h, w, l), Set.of(tags));
    }

    /** A 1 kg, 40 × 200 × 300 mm parcel worth {@code value} minor units. */
    public static Cart parcel(long value) {
        return new Cart(value, Set.of(), List.of(line(1000, 40, 200, 300)));
    }

    public static QuoteRequest request(String currency, String country, String postalCode, Cart cart) {
        return new QuoteRequest(currency, new Destination(country, postalCode), cart);
    }

    public static QuoteRequest stockholm(Cart cart) {
        return request("SEK", "SE", "111 22", cart);
    }
}
