package dev.leverans.config;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in the string values of a parsed config
 * tree (after parsing, so a value can never inject YAML structure). A value that is exactly one
 * reference and resolves to an integer or true/false becomes that number or boolean.
 */
public final class EnvSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final Function<String, String> env;

    public EnvSubstitution(Function<String, String> env) {
        this.env = env;
    }

    public static EnvSubstitution fromSystem() {
        Map<String, String> system = System.getenv();
        return new EnvSubstitution(system::get);
    }

    /** The tree with every reference replaced; each one that cannot be is added to {@code problems}. */
    public JsonNode apply(JsonNode node, ProblemReport problems) {
        return apply(node, problems, "");
    }

    private JsonNode apply(JsonNode node, ProblemReport file, String path) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (var entry : object.properties()) {
                out.set(entry.getKey(), apply(entry.getValue(), file, path + "/" + entry.getKey()));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < array.size(); i++) out.add(apply(array.get(i), file, path + "/" + i));
            return out;
        }
        if (node.isString()) return substitute(node.asString(), file, path);
        return node;
    }

    private JsonNode substitute(String text, ProblemReport file, String path) {
        Matcher m = REFERENCE.matcher(text);
        if (!m.find()) return JsonNodeFactory.instance.stringNode(text);
        boolean whole = m.start() == 0 && m.end() == text.length();
        m.reset();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null || (value.isEmpty() && m.group(2) != null)) value = m.group(3);
            if (value == null) {
                file.add(path, "environment variable " + m.group(1) + " is not set and has no default (write ${"
                        + m.group(1) + ":-default})");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String result = out.toString();
        if (whole && INTEGER.matcher(result).matches()) return JsonNodeFactory.instance.numberNode(Long.parseLong(result));
        if (whole && (result.equals("true") || result.equals("false"))) return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(result));
        return JsonNodeFactory.instance.stringNode(result);
    }
}
