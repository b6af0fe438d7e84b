package dev.leverans.http;

/** An HTTP error answer: status and a human-readable reason (sent as failure_reason, except on 401). */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() { return status; }

    public static ApiException unauthorized() { return new ApiException(401, "unauthorized"); }

    public static ApiException notFound(String what) { return new ApiException(404, what + " not found"); }
}
