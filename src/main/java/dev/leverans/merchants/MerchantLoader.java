package dev.leverans.merchants;

import dev.leverans.secrets.Secret;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Loads every {@code *.yaml} merchant file in a directory, with the locations file each names. */
public final class MerchantLoader {
    private static final Logger LOG = LoggerFactory.getLogger(MerchantLoader.class);
    private final ConfigDocuments documents;

    public MerchantLoader(ConfigDocuments documents) {
        this.documents = documents;
    }

    /** Every merchant file of the directory; an error in any of them stops the load with all problems of all files. */
    public MerchantRegistry loadDirectory(Path directory) {
        Report report = report(directory);
        if (!report.errors().isEmpty()) throw new ConfigException(report.errors());
        if (!report.warnings().isEmpty()) {
            LOG.warn("{} configuration warning(s) in {}, e.g. {}; java -jar leverans.jar --check lists them all",
                    report.warnings().size(), directory, report.warnings().getFirst());
        }
        return report.registry();
    }

    /** What {@link #check} finds: every error and every warning of every file, one line each, and the merchants when there is no error. */
    public record Checked(List<String> errors, List<String> warnings, MerchantRegistry registry) {}

    /** Every problem of every merchant file in the directory (and its locations file), without starting anything. */
    public Checked check(Path directory) {
        try {
            Report report = report(directory);
            return new Checked(report.errors().stream().map(ConfigProblem::toString).toList(),
                    report.warnings().stream().map(ConfigProblem::toString).toList(), report.registry());
        } catch (ConfigException e) {
            return new Checked(e.problems(), List.of(), null);
        }
    }

    private record Report(MerchantRegistry registry, List<ConfigProblem> errors, List<ConfigProblem> warnings) {}

    private Report report(Path directory) {
        List<Merchant> merchants = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        List<ConfigProblem> warnings = new ArrayList<>();
        for (Path file : merchantFiles(directory)) {
            try {
                merchants.add(load(file, warnings));
            } catch (ConfigException e) {
                problems.addAll(e.details());
            }
        }
        // A locations file shared by several merchants reports its problems once.
        List<ConfigProblem> errors = problems.stream().distinct().toList();
        return new Report(errors.isEmpty() ? new MerchantRegistry(merchants) : null, errors, warnings);
    }

    /** The rule-table keys of a merchant file: what a configuration version holds (with the locations). */
    private static final List<String> RULE_TABLE_KEYS = List.of("currencies", "tax_rates", "default_tax_rate", "warehouse",
            "preview_country", "preselection", "limits", "options", "default_option");

    /**
     * Per merchant id, its first configuration version as a YAML document: the rule table of its
     * file and, under {@code locations}, its locations file, as written (environment references
     * stay references; comments are not kept).
     */
    public Map<String, String> versionDocuments(Path directory) {
        Map<String, String> out = new HashMap<>();
        for (Path file : merchantFiles(directory)) {
            JsonNode merchant = ConfigDocuments.parse(ConfigSource.of(file));
            ObjectNode version = JsonNodeFactory.instance.objectNode();
            for (String key : RULE_TABLE_KEYS) if (merchant.has(key)) version.set(key, merchant.get(key));
            if (merchant.path("locations_file").isString()) {
                version.set("locations", ConfigDocuments.parse(ConfigSource.of(file.resolveSibling(merchant.get("locations_file").asString()))));
            }
            out.put(merchant.path("id").asString(), ConfigDocuments.yaml(version));
        }
        return out;
    }

    private static List<Path> merchantFiles(Path directory) {
        if (!Files.isDirectory(directory)) throw new ConfigException(directory + ": merchant directory not found");
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(MerchantLoader::isMerchantFile).sorted().toList();
            if (found.isEmpty()) throw new ConfigException(directory + ": no merchant files (*.yaml)");
            return found;
        } catch (IOException e) {
            throw new ConfigException(directory + ": cannot list merchant files: " + e.getMessage(), e);
        }
    }

    private Merchant load(Path file, List<ConfigProblem> warnings) {
        ConfigSource source = ConfigSource.of(file);
        JsonNode tree = documents.read(source, "merchant.schema.json");
        MerchantFile m = documents.bind(tree, MerchantFile.class, file);
        List<ConfigProblem> problems = new ArrayList<>();
        LocationIndex locations = LocationIndex.empty();
        if (m.locationsFile() != null) {
            try {
                locations = new LocationIndex(locations(file.resolveSibling(m.locationsFile())));
            } catch (ConfigException e) {
                problems.addAll(e.details());
            }
        }
        RuleTable rules = null;
        try {
            ProblemReport report = new ProblemReport(source, tree);
            rules = new RuleTableFactory(report).build(documents.bind(tree, RuleTableDocument.class, file), locations);
            warnings.addAll(report.warnings());
        } catch (ConfigException e) {
            problems.addAll(e.details());
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        List<Secret> apiKeys = m.apiKeys() == null ? List.of() : m.apiKeys().stream().map(Secret::new).toList();
        MerchantFile.OrderManagementFile om = m.orderManagement();
        OrderManagementSettings omSettings = om == null ? null : new OrderManagementSettings(om.baseUrl(), om.username(),
                new Secret(om.password()), om.shippingCompanies() == null ? Map.of() : om.shippingCompanies(),
                om.requireTracking() == null || om.requireTracking());
        return new Merchant(m.id(), m.name() == null ? m.id() : m.name(), m.credentials().identifier(),
                new Secret(m.credentials().key()), apiKeys, rules, 0, omSettings, m.enabled() == null || m.enabled());
    }

    private List<Location> locations(Path file) {
        JsonNode tree = documents.read(file, "locations.schema.json");
        return List.of(documents.bind(tree, Location[].class, file));
    }

    private static boolean isMerchantFile(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
