package dev.leverans.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code merchant} label of metrics, bounded: the first {@code cap} merchants seen get their
 * own id, every later one is {@code other}, so a deployment with thousands of merchants does not
 * make thousands of series per metric.
 */
public final class MerchantLabels {
    public static final String OTHER = "other";
    private final int cap;
    private final Set<String> labelled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();

    public MerchantLabels(int cap) {
        this.cap = cap;
    }

    public String of(String merchantId) {
        if (labelled.contains(merchantId)) return merchantId;
        // Reserve a place before taking it, so concurrent newcomers never exceed the cap.
        if (count.incrementAndGet() > cap) {
            count.decrementAndGet();
            return OTHER;
        }
        if (!labelled.add(merchantId)) count.decrementAndGet();
        return merchantId;
    }
}
