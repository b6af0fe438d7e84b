package dev.leverans.http;

import dev.leverans.config.BodyChecks;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.leverans.config.FieldPath;
import dev.leverans.config.SchemaErrors;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON request body, validates it against a schema of openapi.yaml (compiled once per
 * schema) and binds it. Every problem is a 400 naming the field. The parsed tree is kept on the
 * request ({@link #BODY}) for the request capture.
 */
public final class RequestBodies {
    public static final String BODY = "leverans.body";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi30());

    private final ObjectMapper json;
    private final Map<String, Schema> schemas;

    public RequestBodies(ObjectMapper json, List<String> schemaNames) {
        this.json = json;
        this.schemas = schemaNames.stream().collect(Collectors.toUnmodifiableMap(name -> name, RequestBodies::compile));
    }

    public <T> T read(Context ctx, String schemaName, Class<T> type) {
        return json.treeToValue(readTree(ctx, schemaName), type);
    }

    /** The body as a JSON tree that passed the schema; every number in it fits a long or a finite decimal. */
    public JsonNode readTree(Context ctx, String schemaName) {
        return readTree(ctx, schemaName, true);
    }

    /**
     * The body as a JSON tree that passed the schema, for a reader that tolerates any value it
     * cannot use (Klarna's callbacks): numbers out of range are the reader's to ignore.
     */
    public JsonNode readTolerantTree(Context ctx, String schemaName) {
        return readTree(ctx, schemaName, false);
    }

    private JsonNode readTree(Context ctx, String schemaName, boolean numbersMustFit) {
        requireJsonContentType(ctx);
        JsonNode tree = parse(ctx.bodyAsBytes());
        ctx.attribute(BODY, tree);
        SchemaErrors.Problem problem = BodyChecks.problem(tree, numbersMustFit);
        if (problem != null) throw new ApiException(400, field(problem.pointer()) + ": " + problem.message());
        List<Error> errors = schemas.get(schemaName).validate(tree);
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors.stream().map(RequestBodies::describe).distinct().collect(Collectors.joining("; ")));
        }
        return tree;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) throw new ApiException(400, "request body is empty; a JSON object is required");
        try (JsonParser parser = json.createParser(body)) {
            try {
                JsonNode tree = json.readTree(parser);
                if (parser.nextToken() != null) throw new ApiException(400, "request body has content after the JSON value");
                return tree;
            } catch (StreamConstraintsException e) {
                throw new ApiException(400, constraintViolated(e, parser));
            }
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new ApiException(400, "request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    /** Jackson's reading limits: nesting depth, and number or string length (then the field is named). */
    private static String constraintViolated(StreamConstraintsException e, JsonParser parser) {
        String problem = e.getOriginalMessage();
        if (problem.contains("nesting depth")) return "request body is nested deeper than " + Json.MAX_NESTING_DEPTH + " levels";
        String field = field(parser.streamReadContext().pathAsPointer().toString());
        if (problem.startsWith("Number value length")) return field + ": the number has too many digits";
        return field + ": the value is too long";
    }

    private static void requireJsonContentType(Context ctx) {
        String type = ctx.contentType();
        if (type == null) return;
        String mediaType = type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ApiException(415, "Content-Type " + mediaType + " is not supported; send application/json");
        }
    }

    /** "order.order_lines[0].quantity: must have a minimum value of 1". */
    static String describe(Error error) {
        return field(SchemaErrors.pointer(error)) + ": " + error.getMessage();
    }

    /** A JSON pointer as the field name used in every 400: "/order/lines/0/quantity" -> "order.lines[0].quantity". */
    static String field(String pointer) {
        return pointer.isEmpty() || pointer.equals("/") ? "body" : FieldPath.readable(null, pointer);
    }

    private static Schema compile(String name) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:openapi.yaml#/components/schemas/" + name));
        schema.initializeValidators();
        return schema;
    }
}
