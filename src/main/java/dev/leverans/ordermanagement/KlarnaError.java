package dev.leverans.ordermanagement;

import java.util.List;

/** A refusal or failure from Klarna: error code, messages and correlation id, as Klarna sent them. */
public record KlarnaError(int httpStatus, String errorCode, List<String> errorMessages, String correlationId) {
    public KlarnaError {
        errorMessages = errorMessages == null ? List.of() : List.copyOf(errorMessages);
    }

    /** "CODE: messages (#correlation_id)", the way the merchant sees it. */
    public String describe() {
        return (errorCode == null ? "HTTP " + httpStatus : errorCode) + ": " + String.join("; ", errorMessages)
                + (correlationId == null ? "" : " (#" + correlationId + ")");
    }
}
