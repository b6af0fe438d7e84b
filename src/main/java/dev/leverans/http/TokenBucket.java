package dev.leverans.http;

/** Requests per second with a burst of one second's worth; time comes in as nanoseconds. */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;
    private final int perSecond;
    private double tokens;
    private long lastNanos;

    TokenBucket(int perSecond, long nowNanos) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastNanos = nowNanos;
    }

    /** 0 when a request may pass now (and is counted), else the whole seconds until one may. */
    synchronized long take(long nowNanos) {
        tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) / NANOS_PER_SECOND * perSecond);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
}
