package dev.leverans.ordermanagement;

/** A request the module refuses before calling Klarna; the message is for the merchant. */
public final class OmRefusal extends RuntimeException {
    private final int status;

    public OmRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() { return status; }

    static OmRefusal conflict(String message) { return new OmRefusal(409, message); }

    static OmRefusal invalid(String message) { return new OmRefusal(422, message); }
}
