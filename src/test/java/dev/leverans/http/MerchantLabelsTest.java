package dev.leverans.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MerchantLabelsTest {
    @Test
    void theFirstMerchantsKeepTheirIdLaterOnesAreOther() {
        MerchantLabels labels = new MerchantLabels(2);
        assertEquals(List.of("a", "b", "other", "a", "b", "other"),
                List.of(labels.of("a"), labels.of("b"), labels.of("c"), labels.of("a"), labels.of("b"), labels.of("d")));
    }

    @Test
    void concurrentNewcomersNeverExceedTheCap() throws Exception {
        MerchantLabels labels = new MerchantLabels(10);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int round = 0; round < 4; round++) {
                IntStream.range(0, 200).forEach(i -> pool.submit(() -> seen.add(labels.of("m" + i))));
            }
        }
        seen.remove(MerchantLabels.OTHER);
        assertEquals(10, seen.size(), "exactly the cap of merchants has its own label: " + seen);
    }
}
