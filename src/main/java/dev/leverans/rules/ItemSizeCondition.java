package dev.leverans.rules;

/** Every item must fit within the given dimensions in some orientation (letters, locker boxes). */
public record ItemSizeCondition(Dimensions maxItem) implements Condition {
    @Override
    public String rejectionReason(QuoteRequest request) {
        for (CartLine line : request.cart().lines()) {
            if (line.dimensions() == null) return "dimensions of " + line.reference() + " unknown";
            if (!line.dimensions().fitsWithin(maxItem)) {
                return line.reference() + " (" + line.dimensions() + ") does not fit " + maxItem;
            }
        }
        return null;
    }
}
