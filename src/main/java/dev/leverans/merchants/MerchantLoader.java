package dev.leverans.merchants;

import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.ConfigException;
import dev.leverans.locations.Location;
import dev.leverans.locations.LocationIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Loads every {@code *.yaml} merchant file in a directory, with the locations file each names. */
public final class MerchantLoader {
    private final ConfigDocuments documents;

    public MerchantLoader(ConfigDocuments documents) {
        this.documents = documents;
    }

    public MerchantRegistry loadDirectory(Path directory) {
        List<Merchant> merchants = new ArrayList<>();
        for (Path file : merchantFiles(directory)) merchants.add(load(file));
        return new MerchantRegistry(merchants);
    }

    /** Every problem of every merchant file in the directory (one per file), without stopping at the first. */
    public List<String> check(Path directory) {
        List<String> problems = new ArrayList<>();
        List<Merchant> merchants = new ArrayList<>();
        try {
            for (Path file : merchantFiles(directory)) {
                try {
                    merchants.add(load(file));
                } catch (ConfigException e) {
                    problems.add(e.getMessage());
                }
            }
            if (problems.isEmpty()) new MerchantRegistry(merchants);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        return problems;
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

    public Merchant load(Path file) {
        MerchantFile m = documents.bind(documents.read(file, "merchant.schema.json"), MerchantFile.class, file);
        LocationIndex locations = m.locationsFile() == null ? LocationIndex.empty()
                : new LocationIndex(locations(file.resolveSibling(m.locationsFile())));
        var rules = new RuleTableFactory(file.toString()).build(m, locations);
        List<Secret> apiKeys = m.apiKeys() == null ? List.of() : m.apiKeys().stream().map(Secret::new).toList();
        MerchantFile.OrderManagementFile om = m.orderManagement();
        OrderManagementSettings omSettings = om == null ? null : new OrderManagementSettings(om.baseUrl(), om.username(),
                new Secret(om.password()), om.shippingCompanies() == null ? Map.of() : om.shippingCompanies(),
                om.requireTracking() == null || om.requireTracking());
        return new Merchant(m.id(), m.name() == null ? m.id() : m.name(), m.credentials().identifier(),
                new Secret(m.credentials().key()), apiKeys, rules, omSettings);
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
