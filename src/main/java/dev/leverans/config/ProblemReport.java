package dev.leverans.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The problems of one config document, collected so that a run reports all of them at once, each
 * with the line of the field in the document and the field as a reader finds it (array entries by
 * their {@code id} where they have one), and the option it belongs to.
 */
public final class ProblemReport {
    private final ConfigSource source;
    private final JsonNode tree;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private Map<String, int[]> lines;

    public ProblemReport(ConfigSource source, JsonNode tree) {
        this.source = source;
        this.tree = tree;
    }

    /** A problem at a JSON pointer into the document ({@code /options/1/price/SEK}; empty for the whole document). */
    public void add(String pointer, String problem) {
        if (lines == null) lines = YamlLines.of(source.text());
        int[] at = YamlLines.lineOf(lines, pointer);
        problems.add(new ConfigProblem(source.name(), at == null ? null : at[0], at == null ? null : at[1],
                FieldPath.readable(tree, pointer), optionId(pointer), problem));
    }

    /** The id of the option the pointer is inside ({@code /options/N/…} or {@code /default_option/…}), else null. */
    private String optionId(String pointer) {
        String[] segments = pointer.split("/");
        JsonNode option = null;
        if (segments.length > 2 && segments[1].equals("options") && segments[2].matches("\\d+")) {
            option = tree.path("options").path(Integer.parseInt(segments[2]));
        } else if (segments.length > 1 && segments[1].equals("default_option")) {
            option = tree.path("default_option");
        }
        return option != null && option.path("id").isString() ? option.path("id").asString() : null;
    }

    /** Throws every problem collected so far, if there is one. */
    public void throwIfAny() {
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }
}
