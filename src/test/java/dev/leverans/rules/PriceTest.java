package dev.leverans.rules;

import static dev.leverans.support.Carts.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriceTest {
    private static final Price TIERED = new Price(null,
            List.of(new Price.WeightTier(5000, 5900), new Price.WeightTier(30000, 8900)), null);

    private static Cart cart(long value, int grams) {
        return new Cart(value, Set.of(), List.of(line(grams, 1, 1, 1)));
    }

    @Test
    void flatPrice() {
        assertEquals(4900, Price.flat(4900).quote(cart(100, 1000)).amount());
    }

    @Test
    void weightTiersPickTheFirstTierTheCartFits() {
        assertEquals(5900, TIERED.quote(cart(0, 5000)).amount());
        assertEquals(8900, TIERED.quote(cart(0, 5001)).amount());
        assertEquals(8900, TIERED.quote(cart(0, 30000)).amount());
    }

    @Test
    void aCartAboveTheLastTierIsNotPriced() {
        assertFalse(TIERED.quote(cart(0, 30001)).priced());
    }

    @Test
    void freeFromAnOrderValueOn() {
        Price price = new Price(4900L, List.of(), 50000L);
        assertEquals(4900, price.quote(cart(49999, 1000)).amount());
        assertEquals(0, price.quote(cart(50000, 1000)).amount());
    }
}
