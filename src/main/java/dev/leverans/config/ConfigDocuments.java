package dev.leverans.config;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML or JSON config files: parse, substitute environment references, validate against a
 * JSON Schema from the classpath, bind to records. Every failure names the file, path and problem.
 */
public final class ConfigDocuments {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final EnvSubstitution env;

    public ConfigDocuments(EnvSubstitution env) {
        this.env = env;
    }

    /**
     * Parses, substitutes and validates a file against {@code classpath:schemas/<schemaName>};
     * every problem of the file is reported at once.
     */
    public JsonNode read(Path file, String schemaName) {
        JsonNode parsed = parse(file);
        ProblemReport problems = new ProblemReport(file, parsed);
        JsonNode tree = env.apply(parsed, problems);
        problems.throwIfAny();
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:schemas/" + schemaName));
        for (SchemaErrors.Problem p : SchemaErrors.problems(schema.validate(tree),
                uri -> SCHEMAS.getSchema(SchemaLocation.of(uri)).getSchemaNode())) {
            problems.add(p.pointer(), p.message());
        }
        problems.throwIfAny();
        return tree;
    }

    public <T> T bind(JsonNode tree, Class<T> type, Path file) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new ConfigException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parse(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": no such file");
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) throw new ConfigException(file + ": the file is empty");
            return tree;
        } catch (JacksonException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw new ConfigException(file + at + ": " + e.getOriginalMessage(), e);
        }
    }
}
