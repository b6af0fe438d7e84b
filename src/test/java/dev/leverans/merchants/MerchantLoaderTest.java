package dev.leverans.merchants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.ConfigException;
import dev.leverans.config.ConfigSource;
import dev.leverans.support.DemoConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

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
    void theSeededVersionIsReadableYamlThatReadsBackAsTheSameDocument() {
        String version = DemoConfig.loader().versionDocuments(DemoConfig.MERCHANTS).get("demo");
        assertTrue(version.contains(" amount: 5900\n") && version.contains(" id: budbee-home\n"), "no needless quotes:\n" + version);
        JsonNode file = ConfigDocuments.parse(ConfigSource.of(DemoConfig.MERCHANTS.resolve("demo.yaml")));
        JsonNode seeded = ConfigDocuments.parse(new ConfigSource("seeded", version));
        assertEquals(file.get("options"), seeded.get("options"));
        assertEquals(file.get("default_option"), seeded.get("default_option"));
        JsonNode locations = ConfigDocuments.parse(ConfigSource.of(DemoConfig.MERCHANTS.resolve("demo.locations.json")));
        assertEquals(locations, seeded.get("locations"));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
            "type: locker | type: drone | options[instabox-locker].type | a schema violation names the path",
            "default_tax_rate: 2500 | '' | default_tax_rate | a missing required field is named",
            ", GBP: 890} | } | default_option.price,GBP | the default option must price every currency",
            "id: posten-home | id: budbee-home | options[budbee-home].id,used twice | option ids are unique",
            "prefer: [postnord-service-point] | prefer: [teleport] | preselection.prefer[0],teleport | preferences name offered options",
            "'    locations: {types: [store], limit: 3}\n' | '' | options[store-pickup].locations | pickup options need locations",
            "class: standard | class: overnight | options[freight-home].class | the class is Klarna's vocabulary",
            "98000..98999 | 98000-98999 | options[budbee-home].conditions.postal_codes.exclude[0],98000..98999 | a dash is not a range",
            "98000..98999 | 98000..98999123456 | options[budbee-home].conditions.postal_codes.exclude[0],longer than any | bounds are postal codes",
            "'warehouse:\n' | 'warehouse:\n  timezone: UTC\n' | warehouse.timezone,not a known key | an unknown key is an error",
            "preselection: | 'preview_country: DE\npreselection:' | preview_country,DE | the preview country must be served",
            "{class: badge, type: evening} | {class: badge, type: cheap} | options[budbee-home].features[0].type,'cheap',eco-friendly | an unknown badge",
            "{class: badge, type: evening} | {class: sticker, type: evening} | options[budbee-home].features[0].class | an unknown class",
            "type: eco-friendly} | type: evening} | options[budbee-home].features[1].type,twice | each type once",
            "'{class: call_to_action, type: learn-more, url: \"https://instabox.io/en/\"}' | '{class: call_to_action, type: learn-more}' | options[instabox-locker].features[1].url,needs a url | a call to action needs a url",
            "{class: badge, type: evening} | '{class: badge, type: evening, url: \"https://x.example\"}' | options[budbee-home].features[0].url | only a call to action has a url",
            "[{class: info, type: distributor-will-contact}] | '[{class: info, type: distributor-will-contact}, {class: info, type: package-removal}, {class: info, type: room-delivery}]' | options[freight-home].features[2],at most 2 | at most two info features"})
    void anInvalidRuleTableStopsStartupNamingFilePathAndProblem(String from, String to, String mentions, String why) throws IOException {
        assertTrue(demoYaml().contains(from), "the demo has " + from);
        ConfigException e = loadFailure(demoYaml().replace(from, to));
        assertMentions(e, "shop.yaml");
        assertMentions(e, mentions.split(","));
    }

    @Test
    void theCheckReportsTheProblemsOfEveryFileAtOnce() throws IOException {
        Files.copy(DemoConfig.MERCHANTS.resolve("demo.locations.json"), dir.resolve("demo.locations.json"));
        Files.writeString(dir.resolve("a.yaml"), demoYaml().replace("type: locker", "type: drone"));
        Files.writeString(dir.resolve("b.yaml"), demoYaml().replace("id: demo\n", "id: demo-b\n").replace("class: standard", "class: slow"));
        var problems = DemoConfig.loader().check(dir).errors();
        assertTrue(problems.stream().anyMatch(p -> p.contains("a.yaml:") && p.contains("options[instabox-locker].type")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("b.yaml:") && p.contains("options[freight-home].class")), problems.toString());
        assertTrue(problems.stream().filter(p -> p.contains("b.yaml:")).count() > 1, "every class of b.yaml: " + problems);
        assertEquals(java.util.List.of(), DemoConfig.loader().check(DemoConfig.MERCHANTS).errors());
    }

    @Test
    void anUnknownKeyInALocationsFileIsNamed() throws IOException {
        String locations = Files.readString(DemoConfig.MERCHANTS.resolve("demo.locations.json")).replaceFirst("\"carrier\"", "\"carier\"");
        Files.writeString(dir.resolve("demo.locations.json"), locations);
        Files.writeString(dir.resolve("shop.yaml"), demoYaml());
        assertMentions(assertThrows(ConfigException.class, () -> DemoConfig.loader().loadDirectory(dir)), "demo.locations.json", "carier");
    }

    @Test
    void aBrokenLocationsFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("demo.locations.json"), "[{\"id\": \"x\"}]");
        Files.writeString(dir.resolve("shop.yaml"), demoYaml());
        ConfigException e = assertThrows(ConfigException.class, () -> DemoConfig.loader().loadDirectory(dir));
        assertMentions(e, "demo.locations.json:1: [x].carrier: required property 'carrier'");
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

    /** The line of the first line of {@code yaml} that contains {@code text}, counted from 1. */
    private static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in the file");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceWithItsLineAndTheOptionsId() throws IOException {
        String yaml = demoYaml().replace("id: posten-home", "id: budbee-home").replace("prefer: [postnord-service-point]", "prefer: [teleport]")
                .replace("98000..98999", "98000-98999");
        Files.copy(DemoConfig.MERCHANTS.resolve("demo.locations.json"), dir.resolve("demo.locations.json"));
        Files.writeString(dir.resolve("shop.yaml"), yaml);
        List<String> problems = DemoConfig.loader().check(dir).errors();
        String file = dir.resolve("shop.yaml").toString();
        assertEquals(List.of(
                file + ":" + lineOf(yaml, "98000-98999") + ": options[budbee-home].conditions.postal_codes.exclude[0]: '98000-98999' looks like a range",
                file + ":" + (lineOf(yaml, "name: Posten – home") - 1) + ": options[budbee-home].id: option id 'budbee-home' is used twice",
                file + ":" + lineOf(yaml, "prefer: [teleport]") + ": preselection.prefer[0]: no option has id 'teleport'"),
                problems.stream().map(p -> p.contains(" looks like a range") ? p.substring(0, p.indexOf(" but ")) : p).toList());
    }

    @Test
    void aPriceThatFitsNoFormIsOneSentence() throws IOException {
        String yaml = demoYaml().replace("price: {SEK: 79900, NOK: 89900}", "price: {SEK: \"79900\", NOK: 89900}");
        ConfigException e = loadFailure(yaml);
        assertEquals(List.of(dir.resolve("shop.yaml") + ":" + lineOf(yaml, "price: {SEK: \"79900\"") + ": options[freight-home].price.SEK: "
                + "must be an amount in minor units or {amount, free_from} or {weight_tiers, free_from} (amount or weight_tiers, not both)"),
                e.problems());
    }

    @Test
    void whatIsAllowedButNeverMeantIsAWarning() throws IOException {
        String yaml = demoYaml().replace("tax_rates: {SE: 2500, NO: 2500}", "tax_rates: {SE: 2500, NO: 2500, DK: 2500}")
                .replace("weight_grams: {max: 30000}", "weight_grams: {min: 40000, max: 30000}")
                .replace("locations: {types: [servicepoint], limit: 5}", "locations: {types: [depot], limit: 5}")
                .replace("- {up_to_grams: 30000, amount: 8900}", "- {up_to_grams: 20000, amount: 8900}");
        Files.copy(DemoConfig.MERCHANTS.resolve("demo.locations.json"), dir.resolve("demo.locations.json"));
        Files.writeString(dir.resolve("shop.yaml"), yaml);
        MerchantLoader.Checked checked = DemoConfig.loader().check(dir);
        assertEquals(List.of(), checked.errors(), "warnings never stop a load");
        String all = String.join("\n", checked.warnings());
        for (String expected : List.of(
                "tax_rates.DK: no option serves DK: customers there get the default option only",
                "options[budbee-home].conditions: a minimum above its maximum: this option can never be offered",
                "options[postnord-service-point].locations: no location of carrier postnord and types [depot]",
                "preselection.prefer[0]: postnord-service-point can never be offered, so this preference never applies",
                "options[budbee-home].price.SEK.weight_tiers: tiers end at 20000 g but the option allows up to 30000 g",
                "options[instabox-locker].price: not priced in [DKK, EUR, GBP, NOK, USD]")) {
            assertTrue(all.contains(expected), "'" + expected + "' not in:\n" + all);
        }
        assertTrue(checked.warnings().stream().allMatch(w -> w.contains("shop.yaml:") && w.contains(": warning: ")), all);
        assertEquals(1, DemoConfig.loader().loadDirectory(dir).all().size(), "it loads");
    }
}
