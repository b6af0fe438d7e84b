package dev.leverans.shipments;

/** A choice that cannot be reserved; the message is fit to show a customer. */
public final class ChoiceRejectedException extends RuntimeException {
    public enum Kind { UNKNOWN_OPTION, NO_LONGER_AVAILABLE, INVALID_CHOICE }

    private final Kind kind;

    public ChoiceRejectedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
