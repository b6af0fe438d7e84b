package dev.leverans.config;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** JSON-Schema errors as a reader wants them: where (a JSON pointer to the field) and one sentence each. */
public final class SchemaErrors {
    private static final Set<String> UNKNOWN_KEY = Set.of("additionalProperties", "unevaluatedProperties");
    private static final Pattern TYPE_MISMATCH = Pattern.compile("(\\w+) found, (\\w+) expected");

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
     * When exactly one alternative got past the value itself and failed only inside it (a
     * {@code weight_tiers} price with a word for an amount), that alternative was meant, and its
     * inner errors are reported where they are.
     */
    public static List<Problem> problems(List<Error> errors, Function<String, JsonNode> schemaDocument) {
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            Error e = errors.get(i);
            if (isAlternatives(e)) {
                String evaluated = e.getEvaluationPath().toString();
                int end = i + 1;
                while (end < errors.size() && errors.get(end).getEvaluationPath().toString().startsWith(evaluated + "/")) end++;
                List<Error> meant = meantAlternative(e, errors.subList(i + 1, end));
                out.addAll(meant.isEmpty() ? List.of(new Problem(pointer(e), sentence(e, schemaDocument))) : problems(meant, schemaDocument));
                i = end - 1;
            } else if (UNKNOWN_KEY.contains(e.getKeyword()) && e.getProperty() != null) {
                out.add(new Problem(e.getInstanceLocation() + "/" + e.getProperty(), "is not a known key here (misspelt?)"));
            } else {
                out.add(new Problem(pointer(e), readable(e)));
            }
        }
        return out;
    }

    /** The validator's "string found, integer expected" as a merchant reads it: "must be an integer, not a string". */
    private static String readable(Error e) {
        Matcher m = TYPE_MISMATCH.matcher(e.getMessage());
        if (!"type".equals(e.getKeyword()) || !m.matches()) return e.getMessage();
        return "must be " + withArticle(m.group(2)) + ", not " + withArticle(m.group(1));
    }

    private static String withArticle(String type) {
        return switch (type) {
            case "integer", "array", "object" -> "an " + type;
            case "null" -> "empty";
            default -> "a " + type;
        };
    }

    /** The errors of the one alternative that failed only below the value, or none if that is not clear. */
    private static List<Error> meantAlternative(Error alternatives, List<Error> nested) {
        if (!"oneOf".equals(alternatives.getKeyword()) && !"anyOf".equals(alternatives.getKeyword())) return List.of();
        String evaluated = alternatives.getEvaluationPath() + "/";
        String instance = alternatives.getInstanceLocation().toString();
        Map<String, List<Error>> byBranch = new LinkedHashMap<>();
        for (Error e : nested) {
            String rest = e.getEvaluationPath().toString().substring(evaluated.length());
            byBranch.computeIfAbsent(rest.substring(0, Math.max(rest.indexOf('/'), 0)), b -> new ArrayList<>()).add(e);
        }
        List<List<Error>> onlyBelow = byBranch.values().stream()
                .filter(branch -> branch.stream().allMatch(e -> e.getInstanceLocation().toString().startsWith(instance + "/")))
                .toList();
        return onlyBelow.size() == 1 ? onlyBelow.getFirst() : List.of();
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
