package dev.leverans.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Paging query parameters shared by the list endpoints: {@code limit} and an opaque {@code cursor}. */
public final class QueryParams {
    private QueryParams() {}

    public static int limit(String raw, int defaultLimit, int max) {
        if (raw == null) return defaultLimit;
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= max) return limit;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiException(400, "limit: must be an integer from 1 to " + max);
    }

    /** The cursor a client gets back: the position after which the next page starts, opaque to it. */
    public static String cursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a cursor this API gave out; null when there is none; 400 when it is not one. */
    public static String position(String cursor) {
        if (cursor == null) return null;
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    public static ApiException notACursor() {
        return new ApiException(400, "cursor: not a cursor returned by this API");
    }
}
