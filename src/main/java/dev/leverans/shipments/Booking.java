package dev.leverans.shipments;

import dev.leverans.rules.Cart;
import dev.leverans.rules.CartLine;
import dev.leverans.rules.Dimensions;
import java.util.List;

/**
 * What a carrier booking needs, kept with the reservation from Klarna's request: who receives it
 * and where, the parcel's weight and the largest size of any item in it, the lines, and Klarna's
 * order id once known. The recipient is personal data: the retention chore removes it.
 */
public record Booking(Recipient recipient, Parcel parcel, List<Line> lines, String klarnaOrderId) {

    public record Recipient(String givenName, String familyName, String streetAddress, String streetAddress2, String postalCode,
                            String city, String region, String country, String phone, String email, String careOf, String company) {}

    /** Grams (null when no line says); millimetres, each side the largest of any item's (sides sorted). */
    public record Parcel(Long weightGrams, Integer length, Integer width, Integer height) {}

    public record Line(String reference, int quantity) {}

    public Booking {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static Booking of(Recipient recipient, Cart cart, String klarnaOrderId) {
        int largest = 0, middle = 0, smallest = 0;
        boolean sized = false;
        for (CartLine line : cart.lines()) {
            Dimensions d = line.dimensions();
            if (d == null) continue;
            sized = true;
            largest = Math.max(largest, d.largest());
            middle = Math.max(middle, d.middle());
            smallest = Math.max(smallest, d.smallest());
        }
        Parcel parcel = sized ? new Parcel(cart.totalWeightGrams(), largest, middle, smallest)
                : new Parcel(cart.totalWeightGrams(), null, null, null);
        return new Booking(recipient, parcel, cart.lines().stream().map(l -> new Line(l.reference(), l.quantity())).toList(), klarnaOrderId);
    }

    /** The same booking without personal data (what the retention chore leaves). */
    public Booking withoutRecipient() {
        return new Booking(null, parcel, lines, klarnaOrderId);
    }
}
