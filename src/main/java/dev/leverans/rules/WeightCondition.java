package dev.leverans.rules;

/** Total cart weight in grams within [min, max]; either bound may be null. */
public record WeightCondition(Long min, Long max) implements Condition {
    @Override
    public String rejectionReason(QuoteRequest request) {
        Long weight = request.cart().totalWeightGrams();
        if (weight == null) return "cart weight unknown (a line has no weight and no order weight was sent)";
        if (min != null && weight < min) return "cart weight " + weight + " g is below " + min + " g";
        if (max != null && weight > max) return "cart weight " + weight + " g is above " + max + " g";
        return null;
    }

    @Override
    public String name() { return "weight_grams"; }

    @Override
    public String passedBecause(QuoteRequest request) {
        return "cart weight " + request.cart().totalWeightGrams() + " g is within " + RangeText.text(min, max, " g");
    }
}
