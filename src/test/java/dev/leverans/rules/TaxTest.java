package dev.leverans.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxTest {

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "4900, 2500, 980",      // exact
            "0, 2500, 0",
            "5900, 2500, 1180",
            "4999, 2500, 1000",     // 999.8 rounds up
            "4997, 2500, 999",      // 999.4 rounds down
            "10, 2500, 2",          // 2.0
            "2, 2500, 0",           // 0.4
            "3, 2500, 1",           // 0.6
            "53, 600, 3",           // 3.0
            "106, 1200, 11",        // 11.357
            "12500, 2500, 2500",
            "9900, 0, 0",
            "1, 10000, 1"           // 0.5 rounds half up
    })
    void taxIncludedInAGrossPriceRoundsHalfUp(long gross, int rate, long tax) {
        assertEquals(tax, Tax.includedIn(gross, rate));
    }

    @Test
    void halvesRoundUp() {
        // At 100 % the tax is exactly half the gross: 1.5 -> 2, 2.5 -> 3.
        assertEquals(2, Tax.includedIn(3, 10000));
        assertEquals(3, Tax.includedIn(5, 10000));
    }

    @Test
    void negativeInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tax.includedIn(-1, 2500));
    }
}
