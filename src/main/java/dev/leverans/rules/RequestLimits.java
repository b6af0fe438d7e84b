package dev.leverans.rules;

/**
 * How much of one instance a merchant may use: requests per second and requests at once. A null
 * field takes the server's default; 0 in the server's default means no limit.
 */
public record RequestLimits(Integer requestsPerSecond, Integer concurrentRequests) {
    public static final RequestLimits UNLIMITED = new RequestLimits(0, 0);
    /** A rule table without {@code limits}: the server's default for both. */
    public static final RequestLimits DEFAULTS = new RequestLimits(null, null);

    /** These limits with the fields they leave open taken from {@code defaults}. */
    public RequestLimits over(RequestLimits defaults) {
        return new RequestLimits(requestsPerSecond != null ? requestsPerSecond : defaults.requestsPerSecond(),
                concurrentRequests != null ? concurrentRequests : defaults.concurrentRequests());
    }
}
