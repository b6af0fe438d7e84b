package dev.leverans.shipments;

import static dev.leverans.shipments.ChoiceRejectedException.Kind.INVALID_CHOICE;
import static dev.leverans.shipments.ChoiceRejectedException.Kind.NO_LONGER_AVAILABLE;
import static dev.leverans.shipments.ChoiceRejectedException.Kind.UNKNOWN_OPTION;

import dev.leverans.locations.Location;
import dev.leverans.rules.CarrierOption;
import dev.leverans.rules.OfferedOption;
import dev.leverans.rules.Quote;
import dev.leverans.rules.QuoteRequest;
import dev.leverans.rules.RuleEvaluator;
import dev.leverans.rules.RuleTable;
import dev.leverans.rules.TraceEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-evaluates the rules for the request (client prices are never trusted) and checks that the
 * chosen option, location and add-ons are on offer. Pure: no I/O.
 */
public final class ChoiceValidator {
    private ChoiceValidator() {}

    public static ReservedOption validate(RuleTable table, QuoteRequest request, Choice choice, Instant now) {
        OfferedOption offered = offered(table, request, choice.optionId(), now);
        Location location = location(table, offered, request, choice.locationId());
        if (location != null) offered = offered.at(location);
        if (choice.timeslotId() != null) {
            throw new ChoiceRejectedException(INVALID_CHOICE, "option " + offered.option().id() + " offers no timeslots");
        }
        List<ReservedOption.ChosenAddOn> addOns = new ArrayList<>();
        for (Choice.SelectedAddOn selected : choice.addOns()) addOns.add(addOn(offered, selected));
        return new ReservedOption(offered, location, addOns);
    }

    private static OfferedOption offered(RuleTable table, QuoteRequest request, String optionId, Instant now) {
        Quote quote = RuleEvaluator.evaluate(table, request, now);
        for (OfferedOption o : quote.options()) if (o.option().id().equals(optionId)) return o;
        // The default option is Klarna's and the merchant's safety net: always selectable.
        if (table.defaultOption().id().equals(optionId)) return RuleEvaluator.defaultOffer(table, request, now);
        CarrierOption known = table.option(optionId);
        if (known == null) throw new ChoiceRejectedException(UNKNOWN_OPTION, "shipping option '" + optionId + "' does not exist");
        String why = quote.trace().stream().filter(t -> optionId.equals(t.optionId())).map(TraceEntry::reason)
                .findFirst().orElse("not offered in " + request.destination().country());
        throw new ChoiceRejectedException(NO_LONGER_AVAILABLE,
                "shipping option '" + optionId + "' is not available for this address and cart: " + why);
    }

    private static Location location(RuleTable table, OfferedOption offered, QuoteRequest request, String locationId) {
        CarrierOption option = offered.option();
        if (option.locations() == null) {
            if (locationId == null) return null;
            throw new ChoiceRejectedException(INVALID_CHOICE, "option " + option.id() + " is delivered to the address, not to a location");
        }
        if (locationId == null) return offered.locations().getFirst();
        return table.locations().find(option.locations(), request.destination().country(), locationId)
                .orElseThrow(() -> new ChoiceRejectedException(NO_LONGER_AVAILABLE,
                        "location '" + locationId + "' is not available for option " + option.id()));
    }

    private static ReservedOption.ChosenAddOn addOn(OfferedOption offered, Choice.SelectedAddOn selected) {
        if (selected.externalId() == null) throw new ChoiceRejectedException(INVALID_CHOICE, "a chosen add-on has no id");
        OfferedOption.OfferedAddOn addOn = offered.addOn(selected.type(), selected.externalId());
        if (addOn == null) {
            String name = selected.type() == null ? selected.externalId() : selected.type() + "/" + selected.externalId();
            throw new ChoiceRejectedException(INVALID_CHOICE, "add-on " + name + " is not offered with option " + offered.option().id());
        }
        var input = addOn.addOn().input();
        // Klarna echoes a text field with every add-on; one that takes no input keeps none.
        String text = input == null ? null : selected.userInput();
        if (input != null && input.required() && (text == null || text.isBlank())) {
            throw new ChoiceRejectedException(INVALID_CHOICE, "add-on " + selected.externalId() + " requires user_input");
        }
        if (input != null && text != null && text.length() > input.maxLength()) {
            throw new ChoiceRejectedException(INVALID_CHOICE, "user_input of add-on " + selected.externalId()
                    + " is longer than " + input.maxLength() + " characters");
        }
        return new ReservedOption.ChosenAddOn(addOn, text);
    }
}
