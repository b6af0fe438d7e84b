package dev.leverans.http;

import dev.leverans.merchants.Merchant;
import dev.leverans.rules.RequestLimits;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Each merchant's share of this instance: requests per second and requests at once, from its rule
 * table or the server's default (0: no limit). Over either, the request is refused at once with 429
 * and {@code Retry-After}, so one merchant's burst queues no other merchant's request. A merchant's
 * state is replaced when an activated version changes its limits.
 */
public final class MerchantLimiter {
    private static final String PERMIT = "leverans.limiter.permit";

    private final RequestLimits defaults;
    private final LongSupplier nanos;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private record State(RequestLimits limits, TokenBucket rate, Semaphore concurrent) {}

    public MerchantLimiter(RequestLimits defaults, LongSupplier nanos) {
        this.defaults = defaults;
        this.nanos = nanos;
    }

    /**
     * Counts this request against the merchant's limits, once per request; the slot it holds is
     * given back by {@link #release} when the answer is written.
     */
    public void admit(Context ctx, Merchant merchant) {
        if (ctx.attribute(PERMIT) == null) ctx.attribute(PERMIT, acquire(merchant));
    }

    /** One request's admission: the returned action gives its slot back. Over a limit: {@link TooManyRequests}. */
    Runnable acquire(Merchant merchant) {
        State state = state(merchant);
        if (state.rate() != null) {
            long wait = state.rate().take(nanos.getAsLong());
            if (wait > 0) {
                throw new TooManyRequests(wait, "merchant " + merchant.id() + " is over its limit of "
                        + state.limits().requestsPerSecond() + " requests per second on this instance");
            }
        }
        if (state.concurrent() == null) return () -> {};
        if (!state.concurrent().tryAcquire()) {
            throw new TooManyRequests(1, "merchant " + merchant.id() + " is over its limit of "
                    + state.limits().concurrentRequests() + " requests at once on this instance");
        }
        return state.concurrent()::release;
    }

    /** Gives back the request's slot, if it took one; call once the request has been answered. */
    public static void release(Context ctx) {
        Runnable permit = ctx.attribute(PERMIT);
        if (permit != null) {
            ctx.attribute(PERMIT, (Runnable) () -> {});
            permit.run();
        }
    }

    private State state(Merchant merchant) {
        RequestLimits limits = merchant.rules().limits().over(defaults);
        State known = states.get(merchant.id());
        if (known != null && known.limits().equals(limits)) return known;
        return states.compute(merchant.id(), (id, current) -> current != null && current.limits().equals(limits) ? current
                : new State(limits,
                        limits.requestsPerSecond() > 0 ? new TokenBucket(limits.requestsPerSecond(), nanos.getAsLong()) : null,
                        limits.concurrentRequests() > 0 ? new Semaphore(limits.concurrentRequests()) : null));
    }
}
