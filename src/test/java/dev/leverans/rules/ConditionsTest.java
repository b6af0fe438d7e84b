package dev.leverans.rules;

import static dev.leverans.support.Carts.line;
import static dev.leverans.support.Carts.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionsTest {
    private static final Cart ONE_KG = new Cart(10000, Set.of(), List.of(line(1000, 40, 200, 300)));

    private static QuoteRequest to(String postalCode) {
        return request("SEK", "SE", postalCode, ONE_KG);
    }

    @ParameterizedTest(name = "{0} excluded by 98000..98999: {1}")
    @CsvSource({"981 38, true", "98138, true", "98000, true", "98999, true", "97999, false", "99000, false", "111 22, false"})
    void postalCodeRangesCompareNormalisedCodes(String code, boolean excluded) {
        var condition = new PostalCodeCondition(List.of(), List.of(PostalCodePattern.parse("98000..98999")));
        assertEquals(excluded, condition.rejectionReason(to(code)) != null);
    }

    @Test
    void postalCodePrefixesIncludeAndExclude() {
        var stockholmOnly = new PostalCodeCondition(List.of(PostalCodePattern.parse("1"), PostalCodePattern.parse("75")), List.of());
        assertNull(stockholmOnly.rejectionReason(to("111 22")));
        assertNull(stockholmOnly.rejectionReason(to("753 11")));
        assertNotNull(stockholmOnly.rejectionReason(to("411 03")));
        var notKiruna = new PostalCodeCondition(List.of(), List.of(PostalCodePattern.parse("981 3")));
        assertNotNull(notKiruna.rejectionReason(to("98131")));
        assertNull(notKiruna.rejectionReason(to("98231")));
    }

    @Test
    void anUnknownPostalCodePassesUntilTheAddressIsComplete() {
        var condition = new PostalCodeCondition(List.of(PostalCodePattern.parse("1")), List.of(PostalCodePattern.parse("98")));
        assertNull(condition.rejectionReason(to(null)));
    }

    @Test
    void malformedRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PostalCodePattern.parse("98999..98000"));
        assertThrows(IllegalArgumentException.class, () -> PostalCodePattern.parse("980..98999"));
    }

    @Test
    void weightBoundsAreInclusiveAndCountQuantities() {
        var condition = new WeightCondition(500L, 2000L);
        assertNull(condition.rejectionReason(to("11122")));
        Cart twoBooks = new Cart(0, Set.of(), List.of(new CartLine("B", 2, 1000, Dimensions.of(1, 1, 1), Set.of())));
        assertNull(condition.rejectionReason(request("SEK", "SE", null, twoBooks)));
        Cart threeBooks = new Cart(0, Set.of(), List.of(new CartLine("B", 3, 1000, Dimensions.of(1, 1, 1), Set.of())));
        assertNotNull(condition.rejectionReason(request("SEK", "SE", null, threeBooks)));
        Cart feather = new Cart(0, Set.of(), List.of(line(100, 1, 1, 1)));
        assertNotNull(condition.rejectionReason(request("SEK", "SE", null, feather)));
    }

    @Test
    void anUnknownWeightFailsAWeightCondition() {
        Cart unweighed = new Cart(0, Set.of(), List.of(new CartLine("X", 1, null, null, Set.of())));
        assertNotNull(new WeightCondition(null, 2000L).rejectionReason(request("SEK", "SE", null, unweighed)));
    }

    @Test
    void itemsFitInAnyOrientation() {
        var letter = new ItemSizeCondition(Dimensions.of(350, 250, 50));
        Cart rotated = new Cart(0, Set.of(), List.of(line(100, 300, 50, 240)));
        assertNull(letter.rejectionReason(request("SEK", "SE", null, rotated)));
        Cart thick = new Cart(0, Set.of(), List.of(line(100, 300, 60, 240)));
        assertNotNull(letter.rejectionReason(request("SEK", "SE", null, thick)));
        Cart unmeasured = new Cart(0, Set.of(), List.of(new CartLine("X", 1, 100, null, Set.of())));
        assertNotNull(letter.rejectionReason(request("SEK", "SE", null, unmeasured)));
    }

    @Test
    void orderValueBoundsApplyPerCurrency() {
        var condition = new OrderValueCondition(Map.of("SEK", new OrderValueCondition.Bounds(5000L, 20000L)));
        assertNull(condition.rejectionReason(request("SEK", "SE", null, new Cart(5000, Set.of(), List.of()))));
        assertNull(condition.rejectionReason(request("SEK", "SE", null, new Cart(20000, Set.of(), List.of()))));
        assertNotNull(condition.rejectionReason(request("SEK", "SE", null, new Cart(4999, Set.of(), List.of()))));
        assertNotNull(condition.rejectionReason(request("SEK", "SE", null, new Cart(20001, Set.of(), List.of()))));
        assertNull(condition.rejectionReason(request("NOK", "NO", null, new Cart(1, Set.of(), List.of()))));
    }

    @Test
    void orderTagsRequiredAndExcluded() {
        var members = TagCondition.onOrder(Set.of("member"), Set.of("b2b"));
        assertNull(members.rejectionReason(request("SEK", "SE", null, new Cart(0, Set.of("member"), List.of()))));
        assertNotNull(members.rejectionReason(request("SEK", "SE", null, new Cart(0, Set.of(), List.of()))));
        assertNotNull(members.rejectionReason(request("SEK", "SE", null, new Cart(0, Set.of("member", "b2b"), List.of()))));
    }

    @Test
    void lineTagsLookAtEveryLine() {
        var notBulky = TagCondition.onAnyLine(Set.of(), Set.of("bulky"));
        var bulkyOnly = TagCondition.onAnyLine(Set.of("bulky"), Set.of());
        Cart mixed = new Cart(0, Set.of(), List.of(line(1000, 1, 1, 1), line(30000, 900, 600, 600, "bulky")));
        assertNotNull(notBulky.rejectionReason(request("SEK", "SE", null, mixed)));
        assertNull(bulkyOnly.rejectionReason(request("SEK", "SE", null, mixed)));
        assertNull(notBulky.rejectionReason(to("11122")));
        assertNotNull(bulkyOnly.rejectionReason(to("11122")));
    }
}
