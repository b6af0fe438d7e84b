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

    @Override
    public String name() { return "max_item_dimensions_mm"; }

    @Override
    public String passedBecause(QuoteRequest request) {
        return "every item fits " + maxItem;
    }
}
