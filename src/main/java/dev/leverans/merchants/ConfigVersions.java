package dev.leverans.merchants;

import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.ConfigException;
import dev.leverans.config.ConfigProblem;
import dev.leverans.config.ConfigSource;
import dev.leverans.config.ProblemReport;
import dev.leverans.locations.Location;
import dev.leverans.locations.LocationIndex;
import dev.leverans.rules.RuleTable;
import dev.leverans.rules.table.RuleTableDocument;
import dev.leverans.rules.table.RuleTableFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's configuration as versions: submitted as drafts with every problem found, activated
 * (or rolled back to an earlier one) without a restart. Activation swaps the merchant in the
 * {@link MerchantDirectory}: requests after it get the new rules, requests in flight finish on
 * the ones they started with. A version with problems never becomes active.
 */
public final class ConfigVersions {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigVersions.class);
    static final String SEED_AUTHOR = "config file";

    private final ConfigVersionStore store;
    private final MerchantDirectory directory;
    private final ConfigDocuments documents;
    private final Clock clock;

    public ConfigVersions(ConfigVersionStore store, MerchantDirectory directory, ConfigDocuments documents, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * At start: a merchant without versions gets its file's rule table and locations as version 1
     * (active); then every merchant serves its active version. An active version that no longer
     * builds (an environment variable it names is gone, say) stops the start.
     */
    public void serveActiveVersions(Supplier<Map<String, String>> seeds) {
        Map<String, String> documents = null; // read from the files only at a merchant's first start
        for (Merchant m : directory.current().all()) {
            Optional<ConfigVersion> stored = store.active(m.id());
            if (stored.isEmpty() && documents == null) documents = seeds.get();
            if (stored.isPresent()) {
                directory.replace(m.withRules(build(stored.get().content(), name(m, stored.get().number())).rules(), stored.get().number()));
            } else {
                String document = documents.get(m.id());
                Built seeded = build(document, "the seed of version 1");
                ConfigVersion active = seed(m, document, seeded.warnings());
                RuleTable rules = active.content().equals(document) ? seeded.rules() : build(active.content(), name(m, active.number())).rules();
                directory.replace(m.withRules(rules, active.number()));
            }
        }
    }

    /** Version 1 from the merchant's file, unless another instance starting beside this one stored it first. */
    private ConfigVersion seed(Merchant m, String content, List<ConfigProblem> warnings) {
        ConfigVersionStore.Seeded seeded = store.seed(m.id(), SEED_AUTHOR, "seeded from the merchant file at first start", content,
                warnings, clock.instant());
        if (seeded.stored()) {
            LOG.info("merchant {}: configuration version {} seeded from its file; the database holds its configuration from now on",
                    m.id(), seeded.active().number());
        }
        return seeded.active();
    }

    /** Stores the document as a draft with every problem it has (a draft with errors is kept, to be fixed). */
    public ConfigVersion submit(Merchant m, String author, String comment, String content) {
        List<ConfigProblem> problems;
        try {
            problems = build(content, "submitted version").warnings();
        } catch (ConfigException e) {
            problems = e.details();
        }
        return store.addDraft(m.id(), author, comment, content, problems, clock.instant());
    }

    public Optional<ConfigVersion> find(Merchant m, int number) {
        return store.find(m.id(), number);
    }

    public Optional<ConfigVersion> active(Merchant m) {
        return store.active(m.id());
    }

    public List<ConfigVersion> list(Merchant m) {
        return store.list(m.id());
    }

    public List<ConfigVersionStore.Activation> activations(Merchant m) {
        return store.activations(m.id());
    }

    /** The rule table of version {@code number} (e.g. to preview it before activating); empty when there is none. */
    public Optional<RuleTable> rules(Merchant m, int number) {
        return store.find(m.id(), number).map(v -> build(v.content(), name(m, number)).rules());
    }

    public List<TestCart> testCarts(Merchant m) {
        return store.testCarts(m.id());
    }

    public void saveTestCart(Merchant m, TestCart cart) {
        store.saveTestCart(m.id(), cart, clock.instant());
    }

    public boolean deleteTestCart(Merchant m, String name) {
        return store.deleteTestCart(m.id(), name);
    }

    /** What an activation request came to. */
    public enum Activated { ACTIVATED, NOT_FOUND, HAS_PROBLEMS }

    /** Makes version {@code number} the one served (an earlier number is a rollback), recorded with its author. */
    public Activated activate(Merchant m, int number, String author) {
        Optional<ConfigVersion> version = store.find(m.id(), number);
        if (version.isEmpty()) return Activated.NOT_FOUND;
        if (version.get().hasErrors()) return Activated.HAS_PROBLEMS;
        RuleTable rules = build(version.get().content(), name(m, number)).rules();
        if (!store.activate(m.id(), number, author, clock.instant())) return Activated.NOT_FOUND;
        Merchant current = directory.byId(m.id()).orElse(m);
        directory.replace(current.withRules(rules, number));
        LOG.info("merchant {}: configuration version {} activated by {}", m.id(), number, author);
        return Activated.ACTIVATED;
    }

    /**
     * Serves the merchant's active version if it is not the one served (another instance activated
     * it); true when it changed. A version that no longer builds here keeps the one served.
     */
    public boolean refresh(String merchantId) {
        Optional<Merchant> served = directory.byId(merchantId);
        if (served.isEmpty()) return false;
        Optional<ConfigVersion> active = store.active(merchantId);
        return active.isPresent() && serve(served.get(), active.get());
    }

    /** {@link #refresh} for every merchant, with one query; returns how many changed. */
    public int refreshAll() {
        Map<String, Integer> active = store.activeNumbers();
        int changed = 0;
        for (Merchant m : directory.current().all()) {
            Integer number = active.get(m.id());
            if (number != null && number != m.configVersion() && refresh(m.id())) changed++;
        }
        return changed;
    }

    private boolean serve(Merchant served, ConfigVersion active) {
        if (active.number() == served.configVersion()) return false;
        try {
            RuleTable rules = build(active.content(), name(served, active.number())).rules();
            directory.replace(directory.byId(served.id()).orElse(served).withRules(rules, active.number()));
            LOG.info("merchant {}: serving configuration version {}, the active one in the database", served.id(), active.number());
            return true;
        } catch (ConfigException e) {
            LOG.warn("merchant {}: active version {} does not build on this instance ({}); still serving version {}",
                    served.id(), active.number(), e.getMessage(), served.configVersion());
            return false;
        }
    }

    /** Until closed, serves each version activated by another instance as soon as the database tells. */
    public AutoCloseable followOtherInstances() {
        return store.onActivation(this::refresh, this::refreshAll);
    }

    private static String name(Merchant m, int number) {
        return "merchant " + m.id() + " version " + number;
    }

    /** A version's rule table and the warnings its analysis found. */
    private record Built(RuleTable rules, List<ConfigProblem> warnings) {}

    /** The rule table of a version document; every error (and warning) in a {@link ConfigException}. */
    private Built build(String content, String name) {
        ConfigSource source = new ConfigSource(name, content);
        JsonNode tree = documents.read(source, "config-version.schema.json");
        LocationIndex locations = tree.has("locations")
                ? new LocationIndex(List.of(documents.bind(tree.get("locations"), Location[].class, source.name())))
                : LocationIndex.empty();
        ProblemReport problems = new ProblemReport(source, tree);
        RuleTable rules = new RuleTableFactory(problems).build(documents.bind(tree, RuleTableDocument.class, source.name()), locations);
        return new Built(rules, problems.warnings());
    }
}
