package dev.leverans.klarna;

import dev.leverans.logging.LogText;
import dev.leverans.http.OpenApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The alarm for Klarna's request shape drifting: fields that the request schemas in openapi.yaml
 * do not describe are ignored, but counted in {@code leverans_klarna_unknown_fields_total{field}}
 * by path ({@code order.lines[].foo}), with one WARN line the first time a path is seen. At most
 * {@value #MAX_PATHS} distinct paths get their own series; the rest count as {@code other}.
 */
public final class UnknownFields {
    static final int MAX_PATHS = 100;
    private static final int MAX_NAME_LENGTH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(UnknownFields.class);

    /** The fields a schema describes; {@code properties} null means "not described further". */
    private record Shape(Map<String, Shape> properties, Shape items) {
        static final Shape ANY = new Shape(null, null);
    }

    private final MeterRegistry registry;
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public UnknownFields(MeterRegistry registry, List<String> schemaNames) {
        this.registry = registry;
        JsonNode components = openApi().path("components").path("schemas");
        for (String name : schemaNames) shapes.put(name, shape(components, components.path(name)));
    }

    /** Counts every field of {@code body} that schema {@code schemaName} does not describe. */
    public void check(String schemaName, JsonNode body) {
        walk(body, shapes.get(schemaName), "");
    }

    private void walk(JsonNode value, Shape shape, String path) {
        if (value.isObject() && shape.properties() != null) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                Shape child = shape.properties().get(field.getKey());
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (child == null) {
                    unknown(childPath);
                } else {
                    walk(field.getValue(), child, childPath);
                }
            }
        } else if (value.isArray() && shape.items() != null) {
            for (JsonNode item : value) walk(item, shape.items(), path + "[]");
        }
    }

    private void unknown(String rawPath) {
        String path = LogText.clip(rawPath, MAX_NAME_LENGTH * 4);
        Counter counter = counters.get(path);
        if (counter == null) counter = register(path);
        counter.increment();
    }

    private synchronized Counter register(String path) {
        Counter existing = counters.get(path);
        if (existing != null) return existing;
        String label = counters.size() < MAX_PATHS ? path : "other";
        Counter counter = Counter.builder("leverans.klarna.unknown_fields")
                .description("Request fields Klarna sent that openapi.yaml does not describe (ignored)")
                .tag("field", label).register(registry);
        if (label.equals(path)) {
            LOG.warn("Klarna sent a field this server does not know: {} (ignored; counted in leverans_klarna_unknown_fields_total)",
                    LogText.escape(path));
        }
        counters.put(path, counter);
        return counter;
    }

    private static Shape shape(JsonNode components, JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return shape(components, components.path(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        Map<String, Shape> properties = null;
        Shape items = null;
        for (JsonNode part : schema.path("allOf")) {
            Shape s = shape(components, part);
            if (s.properties() != null) {
                if (properties == null) properties = new HashMap<>();
                properties.putAll(s.properties());
            }
            if (s.items() != null) items = s.items();
        }
        if (schema.has("properties")) {
            if (properties == null) properties = new HashMap<>();
            for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                properties.put(p.getKey(), shape(components, p.getValue()));
            }
        }
        if (schema.has("items")) items = shape(components, schema.get("items"));
        return properties == null && items == null ? Shape.ANY : new Shape(properties == null ? null : Map.copyOf(properties), items);
    }

    private static JsonNode openApi() {
        return YAMLMapper.builder().build().readTree(OpenApi.bytes());
    }
}
