package dev.leverans.config;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** JSON-Schema errors as a reader wants them: where (a JSON pointer to the field) and one sentence each. */
public final class SchemaErrors {
    private static final Set<String> UNKNOWN_KEY = Set.of("additionalProperties", "unevaluatedProperties");

    private SchemaErrors() {}

    /** A problem at a JSON pointer. */
    public record Problem(String pointer, String message) {}

    public static String pointer(Error error) {
        String path = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) path = path + "/" + error.getProperty();
        return path.isEmpty() ? "/" : path;
    }

    /**
     * One problem per error, except that a failed {@code oneOf} / {@code anyOf} / {@code not} is a
     * single sentence, the {@code description} of the schema that holds it (when it has one),
     * instead of one error per alternative that did not fit; an unknown key is named as such.
     */
    public static List<Problem> problems(List<Error> errors, Function<String, JsonNode> schemaDocument) {
        List<Problem> out = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        for (Error e : errors) {
            String evaluated = e.getEvaluationPath().toString();
            if (alternatives.stream().anyMatch(outer -> evaluated.startsWith(outer + "/"))) continue;
            if (isAlternatives(e)) {
                alternatives.add(evaluated);
                out.add(new Problem(pointer(e), sentence(e, schemaDocument)));
            } else if (UNKNOWN_KEY.contains(e.getKeyword()) && e.getProperty() != null) {
                out.add(new Problem(e.getInstanceLocation() + "/" + e.getProperty(), "is not a known key here (misspelt?)"));
            } else {
                out.add(new Problem(pointer(e), e.getMessage()));
            }
        }
        return out;
    }

    private static boolean isAlternatives(Error e) {
        return "oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword()) || "not".equals(e.getKeyword());
    }

    /** {@code schemaDocument} gives the schema document (by its URI) that holds the failed keyword. */
    private static String sentence(Error e, Function<String, JsonNode> schemaDocument) {
        String location = e.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        if (hash < 0) return e.getMessage();
        String keywordPointer = location.substring(hash + 1);
        String holder = keywordPointer.substring(0, Math.max(0, keywordPointer.lastIndexOf('/')));
        JsonNode description = schemaDocument.apply(location.substring(0, hash)).at(holder).get("description");
        if (description != null && description.isString()) return description.asString();
        return e.getMessage();
    }
}
