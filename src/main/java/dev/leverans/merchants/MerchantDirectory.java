package dev.leverans.merchants;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The merchants every request sees: one immutable {@link MerchantRegistry} snapshot, swapped
 * whole. A request looks its merchant up once and keeps that {@link Merchant} (rules, keys,
 * order-management settings) to the end, so it never sees half of a change; every lookup after a
 * swap sees the new one. Everything that needs a merchant (callbacks, APIs, the order-management
 * outbox) asks here rather than keeping its own copy.
 */
public final class MerchantDirectory {
    private final AtomicReference<MerchantRegistry> current;

    public MerchantDirectory(MerchantRegistry initial) {
        this.current = new AtomicReference<>(initial);
    }

    public MerchantRegistry current() {
        return current.get();
    }

    public Optional<Merchant> byId(String id) {
        return current().byId(id);
    }

    /** Every lookup from now on finds {@code updated}; requests holding the old merchant finish with it. */
    public void replace(Merchant updated) {
        current.updateAndGet(registry -> registry.with(updated));
    }
}
