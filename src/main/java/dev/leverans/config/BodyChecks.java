package dev.leverans.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What every request body and config document must satisfy before its schema is checked: every string is valid Unicode
 * (a lone UTF-16 surrogate would be stored as "?", so two different ids could become one), and,
 * for strictly read bodies, every number fits the 64-bit integers and finite decimals this API
 * computes with (a schema validator would otherwise fail on {@code 1E+308} instead of refusing it).
 */
public final class BodyChecks {
    private static final double LARGEST_FITTING = 9.2e18;

    private BodyChecks() {}

    /** The first problem: where (a JSON pointer) and what; null when there is none. */
    public static SchemaErrors.Problem problem(JsonNode tree, boolean numbersMustFit) {
        Deque<String> path = new ArrayDeque<>();
        String problem = walk(tree, numbersMustFit, path);
        return problem == null ? null : new SchemaErrors.Problem(String.join("", path), problem);
    }

    private static String walk(JsonNode node, boolean numbersMustFit, Deque<String> path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                path.addLast("/" + e.getKey().replace("~", "~0").replace("/", "~1"));
                if (!validUnicode(e.getKey())) return "the field name is not valid Unicode";
                String problem = walk(e.getValue(), numbersMustFit, path);
                if (problem != null) return problem;
                path.removeLast();
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.addLast("/" + i);
                String problem = walk(node.get(i), numbersMustFit, path);
                if (problem != null) return problem;
                path.removeLast();
            }
        } else if (node.isString()) {
            if (!validUnicode(node.asString())) return "is not valid Unicode (a lone surrogate)";
        } else if (numbersMustFit && node.isNumber() && !fits(node)) {
            return "the number " + node.asString() + " is out of range";
        }
        return null;
    }

    private static boolean fits(JsonNode n) {
        if (n.isIntegralNumber()) return n.canConvertToLong();
        double d = n.asDouble();
        return Double.isFinite(d) && Math.abs(d) < LARGEST_FITTING;
    }

    public static boolean validUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
