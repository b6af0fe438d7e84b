package dev.leverans.config;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads YAML or JSON config files: parse, substitute environment references, validate against a
 * JSON Schema from the classpath, bind to records. Every failure names the file, path and problem.
 */
public final class ConfigDocuments {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // Written for people to edit: quotes only where YAML needs them; numeric-looking strings (postal codes) stay quoted.
    private static final ObjectMapper YAML_TEXT = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
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
        return read(ConfigSource.of(file), schemaName);
    }

    /** {@link #read(Path, String)} for a document that is not a file (a submitted configuration version). */
    public JsonNode read(ConfigSource source, String schemaName) {
        JsonNode parsed = parse(source);
        ProblemReport problems = new ProblemReport(source, parsed);
        JsonNode tree = env.apply(parsed, problems);
        problems.throwIfAny();
        // The schema validator fails on numbers such as 1E+308 instead of refusing them: refuse them first.
        SchemaErrors.Problem unusable = BodyChecks.problem(tree, true);
        if (unusable != null) {
            problems.add(unusable.pointer(), unusable.message());
            problems.throwIfAny();
        }
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:schemas/" + schemaName));
        for (SchemaErrors.Problem p : SchemaErrors.problems(schema.validate(tree),
                uri -> SCHEMAS.getSchema(SchemaLocation.of(uri)).getSchemaNode())) {
            problems.add(p.pointer(), p.message());
        }
        problems.throwIfAny();
        return tree;
    }

    public <T> T bind(JsonNode tree, Class<T> type, Object source) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A document as YAML text. */
    public static String yaml(JsonNode tree) {
        return YAML_TEXT.writeValueAsString(tree);
    }

    /** The document parsed, before substitution (what a version stores, so references stay references). */
    public static JsonNode parse(ConfigSource source) {
        try {
            JsonNode tree = YAML.readTree(source.text());
            if (tree == null || tree.isMissingNode() || tree.isNull()) throw new ConfigException(source.name() + ": the document is empty");
            return tree;
        } catch (JacksonException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw new ConfigException(source.name() + at + ": " + e.getOriginalMessage(), e);
        }
    }
}
