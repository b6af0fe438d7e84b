package dev.leverans.locations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A merchant's locations, indexed by (carrier, type, country); immutable once built. */
public final class LocationIndex {
    private final Map<String, List<IndexedLocation>> byKey;

    public LocationIndex(List<Location> locations) {
        Map<String, List<IndexedLocation>> index = new HashMap<>();
        for (Location l : locations) {
            index.computeIfAbsent(key(l.carrier(), l.type(), l.address().country()), k -> new ArrayList<>()).add(IndexedLocation.of(l));
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byKey = Map.copyOf(index);
    }

    public static LocationIndex empty() { return new LocationIndex(List.of()); }

    /**
     * The {@code query.limit()} locations nearest the destination. With only the country known,
     * the first ones in file order.
     */
    public List<Location> nearest(LocationQuery query, Destination destination) {
        List<IndexedLocation> candidates = candidates(query, destination.country());
        String code = destination.postalCode();
        if (code == null) return candidates.stream().limit(query.limit()).map(IndexedLocation::location).toList();
        return candidates.stream().map(l -> PostalNearness.Rank.of(l, code)).sorted(PostalNearness.ORDER)
                .limit(query.limit()).map(PostalNearness.Rank::location).toList();
    }

    /** A location the option may be collected at in the destination country, by id. */
    public Optional<Location> find(LocationQuery query, String country, String id) {
        return candidates(query, country).stream().map(IndexedLocation::location).filter(l -> l.id().equals(id)).findFirst();
    }

    private List<IndexedLocation> candidates(LocationQuery query, String country) {
        List<IndexedLocation> all = new ArrayList<>();
        for (String type : query.locationTypes()) {
            all.addAll(byKey.getOrDefault(key(query.carrier(), type, country), List.of()));
        }
        return all;
    }

    private static String key(String carrier, String type, String country) {
        return carrier + '|' + type + '|' + country;
    }
}
