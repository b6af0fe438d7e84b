package dev.leverans.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An instant a client sends (a query parameter, a body field): ISO-8601, between 1970 and 9999 —
 * Java parses years up to ±999,999,999, which no computation here survives (time zones overflow).
 * Anything else is a 400 naming the field.
 */
public final class Instants {
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Instants() {}

    public static Instant parse(String field, String raw) {
        Instant instant;
        try {
            instant = Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, field + ": not an ISO-8601 instant such as 2026-11-21T10:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new ApiException(400, field + ": must be between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }
}
