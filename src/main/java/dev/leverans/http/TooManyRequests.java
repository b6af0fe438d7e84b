package dev.leverans.http;

/** 429: over a limit; answered with {@code Retry-After} in whole seconds. */
public final class TooManyRequests extends ApiException {
    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds, String reason) {
        super(429, reason);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() { return retryAfterSeconds; }
}
