package dev.leverans.locations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocationIndexTest {
    private static Location at(String id, String postalCode, String country, String... served) {
        return new Location(id, "postnord", "servicepoint", id, new Location.Address("Street 1", postalCode, "City", country),
                null, List.of(), List.of(served), null);
    }

    private static final LocationIndex INDEX = new LocationIndex(List.of(
            at("far", "98131", "SE"),
            at("same-prefix", "11351", "SE"),
            at("closer-number", "11130", "SE"),
            at("serves-it", "16951", "SE", "111"),
            at("oslo", "0150", "NO"),
            new Location("locker", "instabox", "locker", "Locker", new Location.Address("S", "11122", "Stockholm", "SE"),
                    null, List.of(), List.of(), null)));
    private static final LocationQuery SERVICE_POINTS = new LocationQuery("postnord", Set.of("servicepoint"), 3);

    private static List<String> nearest(String country, String postalCode) {
        return INDEX.nearest(SERVICE_POINTS, new Destination(country, postalCode)).stream().map(Location::id).toList();
    }

    @Test
    void servedPostalCodesFirstThenLongestPrefixThenNumericDistance() {
        assertEquals(List.of("serves-it", "closer-number", "same-prefix"), nearest("SE", "111 22"));
    }

    @Test
    void farAwayCodesRankByPrefix() {
        assertEquals("far", nearest("SE", "981 38").getFirst());
    }

    @Test
    void onlyTheDestinationCountryAndTheOptionsCarrierAndTypes() {
        assertEquals(List.of("oslo"), nearest("NO", "0150"));
        assertTrue(nearest("DK", "1000").isEmpty());
        assertTrue(!nearest("SE", "11122").contains("locker"));
    }

    @Test
    void withOnlyTheCountryKnownTheFirstInFileOrder() {
        assertEquals(List.of("far", "same-prefix", "closer-number"), nearest("SE", null));
    }

    @Test
    void findsALocationOfTheOptionById() {
        assertTrue(INDEX.find(SERVICE_POINTS, "SE", "far").isPresent());
        assertTrue(INDEX.find(SERVICE_POINTS, "NO", "far").isEmpty());
        assertTrue(INDEX.find(SERVICE_POINTS, "SE", "locker").isEmpty());
    }
}
