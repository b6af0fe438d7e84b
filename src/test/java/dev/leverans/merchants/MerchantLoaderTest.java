package dev.leverans.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.config.ConfigException;
import dev.leverans.support.DemoConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerchantLoaderTest {
    @TempDir
    Path dir;

    private String demoYaml() throws IOException {
        return Files.readString(DemoConfig.MERCHANTS.resolve("demo.yaml"));
    }

    private ConfigException loadFailure(String yaml) throws IOException {
        Files.copy(DemoConfig.MERCHANTS.resolve("demo.locations.json"), dir.resolve("demo.locations.json"));
        Files.writeString(dir.resolve("shop.yaml"), yaml);
        return assertThrows(ConfigException.class, () -> DemoConfig.loader().loadDirectory(dir));
    }

    private static void assertMentions(ConfigException e, String... parts) {
        for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }

    @Test
    void theDemoConfigurationLoads() {
        MerchantRegistry registry = DemoConfig.merchants();
        assertEquals(2, registry.all().size());
        assertTrue(registry.byIdentifier("demo").isPresent());
        assertTrue(registry.byIdentifier("demo-outlet").isPresent());
        assertTrue(registry.byApiKey("demo-merchant-api-key").isPresent());
        assertTrue(registry.byApiKey("demo-secret").isEmpty(), "the Klarna key is not a merchant API key");
    }

    @Test
    void aSchemaViolationNamesFilePathAndProblem() throws IOException {
        ConfigException e = loadFailure(demoYaml().replace("type: locker", "type: drone"));
        assertMentions(e, "shop.yaml", "/options/3/type");
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        ConfigException e = loadFailure(demoYaml().replace("default_tax_rate: 2500", ""));
        assertMentions(e, "shop.yaml", "/default_tax_rate");
    }

    @Test
    void aDefaultOptionMissingACurrencyIsRefused() throws IOException {
        ConfigException e = loadFailure(demoYaml().replace(", GBP: 890}", "}"));
        assertMentions(e, "shop.yaml", "/default_option/price", "GBP");
    }

    @Test
    void duplicateOptionIdsAreRefused() throws IOException {
        ConfigException e = loadFailure(demoYaml().replace("id: posten-home", "id: budbee-home"));
        assertMentions(e, "shop.yaml", "/options/2/id", "budbee-home");
    }

    @Test
    void aPreferenceForAnUnknownOptionIsRefused() throws IOException {
        ConfigException e = loadFailure(demoYaml().replace("prefer: [postnord-service-point]", "prefer: [teleport]"));
        assertMentions(e, "/preselection/prefer/0", "teleport");
    }

    @Test
    void aPickupOptionWithoutLocationsIsRefused() throws IOException {
        ConfigException e = loadFailure(demoYaml().replace("    locations: {types: [store], limit: 3}\n", ""));
        assertMentions(e, "shop.yaml", "/options/5");
    }

    @Test
    void aBrokenLocationsFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("demo.locations.json"), "[{\"id\": \"x\"}]");
        Files.writeString(dir.resolve("shop.yaml"), demoYaml());
        ConfigException e = assertThrows(ConfigException.class, () -> DemoConfig.loader().loadDirectory(dir));
        assertMentions(e, "demo.locations.json", "/0/carrier");
    }

    @Test
    void unparseableYamlGivesLineAndColumn() throws IOException {
        ConfigException e = loadFailure("id: shop\noptions: [\n");
        assertMentions(e, "shop.yaml", "line");
    }

    @Test
    void twoMerchantsCannotShareAnIdentifier() throws IOException {
        Files.copy(DemoConfig.MERCHANTS.resolve("demo.locations.json"), dir.resolve("demo.locations.json"));
        Files.writeString(dir.resolve("a.yaml"), demoYaml());
        Files.writeString(dir.resolve("b.yaml"), demoYaml().replace("id: demo\n", "id: demo-two\n")
                .replace("demo-merchant-api-key", "another-merchant-api-key"));
        ConfigException e = assertThrows(ConfigException.class, () -> DemoConfig.loader().loadDirectory(dir));
        assertMentions(e, "identifier 'demo'");
    }
}
