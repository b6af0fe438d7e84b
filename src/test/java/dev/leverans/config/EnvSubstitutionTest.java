package dev.leverans.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EnvSubstitutionTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EnvSubstitution env = new EnvSubstitution(Map.of("KEY", "s3cret", "PORT", "9090", "EMPTY", "", "FLAG", "true")::get);

    private JsonNode apply(String json) {
        JsonNode tree = JSON.readTree(json);
        ProblemReport problems = new ProblemReport(new ConfigSource("test.yaml", json), tree);
        JsonNode substituted = env.apply(tree, problems);
        problems.throwIfAny();
        return substituted;
    }

    @Test
    void replacesReferencesInsideStrings() {
        assertEquals("key=s3cret;", apply("{\"a\":\"key=${KEY};\"}").get("a").asString());
        assertEquals("fallback", apply("{\"a\":\"${MISSING:-fallback}\"}").get("a").asString());
        assertEquals("fallback", apply("{\"a\":\"${EMPTY:-fallback}\"}").get("a").asString());
        assertEquals("", apply("{\"a\":\"${EMPTY}\"}").get("a").asString());
        assertEquals("", apply("{\"a\":\"${MISSING:-}\"}").get("a").asString());
    }

    @Test
    void aWholeReferenceToANumberOrBooleanBecomesOne() {
        JsonNode tree = apply("{\"port\":\"${PORT}\",\"flag\":\"${FLAG}\",\"text\":\"p${PORT}\"}");
        assertTrue(tree.get("port").isNumber());
        assertEquals(9090, tree.get("port").asInt());
        assertTrue(tree.get("flag").isBoolean());
        assertTrue(tree.get("text").isString());
    }

    @Test
    void walksArraysAndNestedObjects() {
        assertEquals("s3cret", apply("{\"a\":[{\"b\":\"${KEY}\"}]}").get("a").get(0).get("b").asString());
    }

    @Test
    void aMissingVariableWithoutDefaultNamesFileAndPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> apply("{\"credentials\":{\"key\":\"${NOPE}\"}}"));
        assertTrue(e.getMessage().contains("test.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("credentials.key"), e.getMessage());
        assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
    }

    @Test
    void everyMissingVariableIsReportedAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> apply("{\"a\":\"${NOPE}\",\"b\":[\"${ALSO_NOT}\"]}"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("a: environment variable NOPE"), e.problems().get(0));
        assertTrue(e.problems().get(1).contains("b[0]: environment variable ALSO_NOT"), e.problems().get(1));
    }
}
