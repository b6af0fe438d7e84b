package dev.leverans.rules.table;

import dev.leverans.config.ProblemReport;
import dev.leverans.locations.LocationIndex;
import dev.leverans.promise.DispatchCalendar;
import dev.leverans.promise.PromiseRule;
import dev.leverans.rules.AddOn;
import dev.leverans.rules.CarrierOption;
import dev.leverans.rules.CarrierProduct;
import dev.leverans.rules.Condition;
import dev.leverans.rules.Dimensions;
import dev.leverans.rules.Feature;
import dev.leverans.rules.ItemSizeCondition;
import dev.leverans.locations.LocationQuery;
import dev.leverans.rules.OptionType;
import dev.leverans.rules.OrderValueCondition;
import dev.leverans.rules.PostalCodeCondition;
import dev.leverans.rules.PostalCodePattern;
import dev.leverans.rules.Preselection;
import dev.leverans.rules.RequestLimits;
import dev.leverans.rules.Price;
import dev.leverans.rules.RuleTable;
import dev.leverans.rules.TagCondition;
import dev.leverans.rules.WeightCondition;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Builds the immutable rule table from a schema-valid merchant file and checks what a schema
 * cannot: unique ids, known references, prices for every served currency.
 */
public final class RuleTableFactory {
    private static final int DEFAULT_LOCATION_LIMIT = 5;

    private final ProblemReport problems;

    /** Every problem found is added to {@code problems}; {@link #build} throws them all together. */
    public RuleTableFactory(ProblemReport problems) {
        this.problems = problems;
    }

    public RuleTable build(RuleTableDocument m, LocationIndex locations) {
        Set<String> currencies = Set.copyOf(m.currencies());
        List<CarrierOption> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < m.options().size(); i++) {
            String path = "/options/" + i;
            CarrierOption option = option(m.options().get(i), path);
            if (!ids.add(option.id())) fail(path + "/id", "option id '" + option.id() + "' is used twice");
            for (String currency : option.prices().keySet()) {
                if (!currencies.contains(currency)) fail(path + "/price/" + currency, "currency is not in /currencies");
            }
            options.add(option);
        }
        CarrierOption defaultOption = option(m.defaultOption(), "/default_option");
        if (ids.contains(defaultOption.id())) fail("/default_option/id", "id '" + defaultOption.id() + "' is also an option id");
        for (String currency : currencies) {
            if (!defaultOption.prices().containsKey(currency)) {
                fail("/default_option/price", "the default option must be priced in every currency, missing " + currency);
            }
        }
        Preselection preselection = preselection(m.preselection(), ids);
        if (m.previewCountry() != null && options.stream().noneMatch(o -> o.countries().contains(m.previewCountry()))) {
            fail("/preview_country", "no option serves " + m.previewCountry());
        }
        DispatchCalendar calendar = calendar(m.warehouse());
        problems.throwIfAny();
        new RuleTableAnalysis(problems).analyse(m, options, locations);
        return new RuleTable(currencies, m.taxRates(), m.defaultTaxRate(), options, defaultOption,
                preselection, calendar, locations, m.previewCountry(),
                m.limits() == null ? RequestLimits.DEFAULTS : m.limits());
    }

    private CarrierOption option(RuleTableDocument.OptionFile o, String path) {
        OptionType type = OptionType.fromWire(o.type());
        RuleTableDocument.ProductFile p = o.carrierProduct();
        return new CarrierOption(o.id(), o.name(), o.description(), type, o.method(), o.carrier(),
                p == null ? null : new CarrierProduct(p.identifier(), p.name()),
                o.serviceClass() == null ? "standard" : o.serviceClass(),
                o.countries() == null ? Set.of() : Set.copyOf(o.countries()),
                conditions(o.conditions(), path + "/conditions"), prices(o.price(), path + "/price"),
                addOns(o.addons()), promise(o.delivery(), path + "/delivery"), locationQuery(o),
                features(o.features(), path + "/features"));
    }

    /** Klarna's vocabulary and limits: each type once, at most N per class, a URL exactly for calls to action. */
    private List<Feature> features(List<RuleTableDocument.FeatureFile> files, String path) {
        if (files == null) return List.of();
        List<Feature> out = new ArrayList<>();
        Map<String, Integer> perClass = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            RuleTableDocument.FeatureFile f = files.get(i);
            Feature.Kind kind = Feature.KINDS.get(f.featureClass());
            String at = path + "/" + i;
            if (!kind.types().contains(f.type())) {
                fail(at + "/type", "'" + f.type() + "' is not a " + f.featureClass() + " Klarna knows; one of " + kind.types());
            }
            if (!seen.add(f.featureClass() + "/" + f.type())) fail(at + "/type", f.featureClass() + " '" + f.type() + "' is listed twice");
            if (perClass.merge(f.featureClass(), 1, Integer::sum) > kind.max()) {
                fail(at, "Klarna shows at most " + kind.max() + " features of class " + f.featureClass());
            }
            if (kind.needsUrl() && f.url() == null) fail(at + "/url", "a " + f.featureClass() + " needs a url");
            if (!kind.needsUrl() && f.url() != null) fail(at + "/url", "only a call_to_action takes a url");
            out.add(new Feature(f.featureClass(), f.type(), f.url()));
        }
        return out;
    }

    private List<Condition> conditions(RuleTableDocument.ConditionsFile c, String path) {
        List<Condition> out = new ArrayList<>();
        if (c == null) return out;
        if (c.postalCodes() != null) {
            out.add(new PostalCodeCondition(patterns(c.postalCodes().include(), path + "/postal_codes/include"),
                    patterns(c.postalCodes().exclude(), path + "/postal_codes/exclude")));
        }
        if (c.weightGrams() != null) out.add(new WeightCondition(c.weightGrams().min(), c.weightGrams().max()));
        if (c.maxItemDimensionsMm() != null) {
            List<Integer> d = c.maxItemDimensionsMm();
            out.add(new ItemSizeCondition(Dimensions.of(d.get(0), d.get(1), d.get(2))));
        }
        if (c.orderValue() != null) {
            Map<String, OrderValueCondition.Bounds> bounds = new HashMap<>();
            c.orderValue().forEach((cur, b) -> bounds.put(cur, new OrderValueCondition.Bounds(b.min(), b.max())));
            out.add(new OrderValueCondition(bounds));
        }
        if (c.orderTags() != null) out.add(TagCondition.onOrder(set(c.orderTags().required()), set(c.orderTags().excluded())));
        if (c.lineTags() != null) out.add(TagCondition.onAnyLine(set(c.lineTags().required()), set(c.lineTags().excluded())));
        return out;
    }

    private List<PostalCodePattern> patterns(List<String> texts, String path) {
        List<PostalCodePattern> out = new ArrayList<>();
        if (texts == null) return out;
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(PostalCodePattern.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                fail(path + "/" + i, e.getMessage());
            }
        }
        return out;
    }

    private Map<String, Price> prices(Map<String, JsonNode> raw, String path) {
        Map<String, Price> out = new LinkedHashMap<>();
        raw.forEach((currency, node) -> out.put(currency, price(node, path + "/" + currency)));
        return out;
    }

    private Price price(JsonNode node, String path) {
        if (node.isNumber()) return Price.flat(node.asLong());
        List<Price.WeightTier> tiers = new ArrayList<>();
        long previous = 0;
        JsonNode rawTiers = node.path("weight_tiers");
        for (int i = 0; i < rawTiers.size(); i++) {
            long upTo = rawTiers.get(i).path("up_to_grams").asLong();
            if (upTo <= previous) fail(path + "/weight_tiers/" + i, "tiers must be sorted by up_to_grams, ascending");
            tiers.add(new Price.WeightTier(upTo, rawTiers.get(i).path("amount").asLong()));
            previous = upTo;
        }
        Long amount = node.has("amount") ? node.get("amount").asLong() : null;
        Long freeFrom = node.has("free_from") ? node.get("free_from").asLong() : null;
        return new Price(amount, tiers, freeFrom);
    }

    private static List<AddOn> addOns(List<RuleTableDocument.AddOnFile> files) {
        if (files == null) return List.of();
        return files.stream().map(a -> new AddOn(a.type(), a.externalId(), a.name(), a.price(), a.preselected(),
                a.input() == null ? null : new AddOn.Input(a.input().maxLength(), a.input().required()))).toList();
    }

    private PromiseRule promise(RuleTableDocument.DeliveryFile d, String path) {
        int latest = d.latest();
        if (latest < d.earliest()) {
            fail(path + "/latest", "latest must not be before earliest");
            latest = d.earliest();
        }
        RuleTableDocument.TimeOfDayFile tod = d.timeOfDay();
        return new PromiseRule(d.earliest(), latest, time(d.cutoff()),
                tod == null ? null : time(tod.earliest()), tod == null ? null : time(tod.latest()));
    }

    private static LocationQuery locationQuery(RuleTableDocument.OptionFile o) {
        RuleTableDocument.LocationsFile l = o.locations();
        if (l == null) return null;
        return new LocationQuery(l.carrier() == null ? o.carrier() : l.carrier(), Set.copyOf(l.types()),
                l.limit() == null ? DEFAULT_LOCATION_LIMIT : l.limit());
    }

    private Preselection preselection(RuleTableDocument.PreselectionFile p, Set<String> ids) {
        if (p == null) return new Preselection(List.of(), Preselection.Fallback.FIRST);
        List<String> prefer = p.prefer() == null ? List.of() : p.prefer();
        for (int i = 0; i < prefer.size(); i++) {
            if (!ids.contains(prefer.get(i))) fail("/preselection/prefer/" + i, "no option has id '" + prefer.get(i) + "'");
        }
        Preselection.Fallback otherwise = p.otherwise() == null ? Preselection.Fallback.FIRST
                : Preselection.Fallback.valueOf(p.otherwise().toUpperCase(Locale.ROOT));
        return new Preselection(prefer, otherwise);
    }

    private DispatchCalendar calendar(RuleTableDocument.Warehouse w) {
        ZoneId zone = ZoneOffset.UTC;
        try {
            zone = ZoneId.of(w.timeZone());
        } catch (DateTimeException e) {
            fail("/warehouse/time_zone", "unknown time zone '" + w.timeZone() + "'");
        }
        List<String> days = w.dispatchDays() == null ? List.of("mon", "tue", "wed", "thu", "fri") : w.dispatchDays();
        Set<DayOfWeek> dispatchDays = new HashSet<>();
        for (String day : days) dispatchDays.add(weekday(day));
        Set<LocalDate> closed = new HashSet<>();
        List<String> closedDates = w.closedDates() == null ? List.of() : w.closedDates();
        for (int i = 0; i < closedDates.size(); i++) {
            try {
                closed.add(LocalDate.parse(closedDates.get(i)));
            } catch (DateTimeException e) {
                fail("/warehouse/closed_dates/" + i, "not a date: " + closedDates.get(i));
            }
        }
        return new DispatchCalendar(zone, dispatchDays, closed);
    }

    private static DayOfWeek weekday(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(abbreviation)) return d;
        }
        throw new IllegalArgumentException(abbreviation);
    }

    private static LocalTime time(String clock) {
        return clock == null ? null : LocalTime.parse(clock);
    }

    private static Set<String> set(List<String> list) {
        return list == null ? Set.of() : Set.copyOf(list);
    }

    private void fail(String path, String problem) {
        problems.add(path, problem);
    }
}
