package dev.leverans.rules;

import static dev.leverans.support.Carts.line;
import static dev.leverans.support.Carts.parcel;
import static dev.leverans.support.Carts.request;
import static dev.leverans.support.Carts.stockholm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.DemoConfig;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo merchant's rule table behaves as the README promises. */
class DemoRuleTableTest {
    private static final RuleTable DEMO = DemoConfig.demo().rules();
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-11-18T09:00:00Z");

    private static Quote quote(QuoteRequest request) {
        return RuleEvaluator.evaluate(DEMO, request, WEDNESDAY_MORNING);
    }

    private static List<String> ids(Quote quote) {
        return quote.options().stream().map(o -> o.option().id()).toList();
    }

    private static OfferedOption option(Quote quote, String id) {
        return quote.options().stream().filter(o -> o.option().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aOneKiloParcelToStockholmGetsEveryKindOfDelivery() {
        Quote quote = quote(stockholm(parcel(29900)));
        assertEquals(List.of("budbee-home", "instabox-locker", "postnord-service-point", "store-pickup", "postnord-letter"), ids(quote));
        assertEquals(Set.of(OptionType.values()).size(), quote.options().stream().map(o -> o.option().type()).distinct().count());
        assertNull(quote.fallback());
        for (OfferedOption o : quote.options()) {
            assertTrue(o.promise().latestDays() >= o.promise().earliestDays(), o.option().id());
            assertEquals(Tax.includedIn(o.price(), 2500), o.taxAmount());
            if (o.option().type().collectedAtLocation()) assertFalse(o.locations().isEmpty(), o.option().id());
        }
    }

    @Test
    void exactlyOnePreselectedAndItIsThePickupPoint() {
        Quote quote = quote(stockholm(parcel(29900)));
        List<String> preselected = quote.options().stream().filter(OfferedOption::preselected).map(o -> o.option().id()).toList();
        assertEquals(List.of("postnord-service-point"), preselected);
    }

    @Test
    void pickupPointIsFreeFrom500Kronor() {
        assertEquals(4900, option(quote(stockholm(parcel(49999))), "postnord-service-point").price());
        OfferedOption free = option(quote(stockholm(parcel(50000))), "postnord-service-point");
        assertEquals(0, free.price());
        assertEquals(0, free.taxAmount());
    }

    @Test
    void lettersOnlyUpTo2KiloAndThinItems() {
        Cart heavy = new Cart(10000, Set.of(), List.of(line(1500, 40, 200, 300), line(600, 20, 100, 100)));
        assertFalse(ids(quote(stockholm(heavy))).contains("postnord-letter"));
        Cart thick = new Cart(10000, Set.of(), List.of(line(800, 120, 200, 300)));
        assertFalse(ids(quote(stockholm(thick))).contains("postnord-letter"));
        assertTrue(ids(quote(stockholm(thick))).contains("instabox-locker"));
    }

    @Test
    void lockersOnlyForItemsThatFitOne() {
        Cart longItem = new Cart(10000, Set.of(), List.of(line(3000, 100, 100, 900)));
        List<String> offered = ids(quote(stockholm(longItem)));
        assertFalse(offered.contains("instabox-locker"));
        assertTrue(offered.contains("postnord-service-point"));
    }

    @Test
    void noHomeDeliveryInTheFarNorth() {
        Quote kiruna = quote(request("SEK", "SE", "981 38", parcel(29900)));
        assertFalse(ids(kiruna).contains("budbee-home"));
        assertTrue(ids(kiruna).contains("postnord-service-point"));
        assertEquals("postnord:SE-9813", option(kiruna, "postnord-service-point").locations().getFirst().id());
        assertTrue(ids(quote(request("SEK", "SE", "97999", parcel(29900)))).contains("budbee-home"));
    }

    @Test
    void aBulkyLineGetsOnlyFreightHomeDelivery() {
        Cart bulky = new Cart(300000, Set.of(), List.of(line(1000, 40, 200, 300), line(45000, 900, 800, 2000, "bulky")));
        Quote quote = quote(stockholm(bulky));
        assertEquals(List.of("freight-home"), ids(quote));
        assertTrue(quote.options().getFirst().preselected());
        assertEquals("dhl", quote.options().getFirst().option().carrier());
    }

    @Test
    void norwayGetsHomeDeliveryAndPickupPoint() {
        Quote oslo = quote(request("NOK", "NO", "0150", parcel(29900)));
        assertEquals(List.of("posten-home", "postnord-service-point"), ids(oslo));
        assertEquals("NO", option(oslo, "postnord-service-point").locations().getFirst().address().country());
    }

    @Test
    void homeDeliveryOffersSmsAndEntryCode() {
        OfferedOption home = option(quote(stockholm(parcel(29900))), "budbee-home");
        assertEquals(List.of("sms", "entry-code"), home.addOns().stream().map(a -> a.addOn().type()).toList());
        assertEquals(20, home.addOn("entry-code", "DOOR_CODE").addOn().input().maxLength());
    }

    @Test
    void anyOtherCountryGetsTheDefaultOptionAlone() {
        Quote germany = quote(request("EUR", "DE", "10115", parcel(29900)));
        assertEquals(List.of("standard-delivery"), ids(germany));
        assertEquals(Fallback.COUNTRY_NOT_SERVED, germany.fallback());
        assertEquals(990, germany.options().getFirst().price());
        assertTrue(germany.options().getFirst().preselected());
    }

    @Test
    void aServedCountryInACurrencyNoOptionPricesGetsTheDefault() {
        Quote quote = quote(request("DKK", "SE", "11122", parcel(29900)));
        assertEquals(List.of("standard-delivery"), ids(quote));
        assertEquals(Fallback.NO_MATCHING_OPTION, quote.fallback());
        assertEquals(7900, quote.options().getFirst().price());
    }

    @Test
    void theDefaultOptionIsPricedInEveryDemoCurrency() {
        for (String currency : List.of("SEK", "NOK", "DKK", "EUR", "USD", "GBP")) {
            assertEquals(1, quote(request(currency, "US", null, parcel(1))).options().size(), currency);
        }
    }

    @Test
    void aCurrencyTheMerchantCannotPriceIsRefused() {
        assertThrows(UnpricedCurrencyException.class, () -> quote(request("CHF", "SE", "11122", parcel(1))));
    }

    @Test
    void optionsAreReturnedWhenOnlyTheCountryIsKnown() {
        Quote preview = quote(request("SEK", "SE", null, new Cart(0, Set.of(), List.of())));
        assertTrue(ids(preview).contains("postnord-service-point"));
        assertEquals(1, preview.options().stream().filter(OfferedOption::preselected).count());
    }

    @Test
    void theTraceSaysWhyAnOptionWasLeftOut() {
        Quote kiruna = quote(request("SEK", "SE", "98138", parcel(29900)));
        TraceEntry home = kiruna.trace().stream().filter(t -> "budbee-home".equals(t.optionId())).findFirst().orElseThrow();
        assertFalse(home.offered());
        assertTrue(home.reason().contains("98000..98999"), home.reason());
    }
}
