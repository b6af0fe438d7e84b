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
        record(ConfigProblem.Severity.ERROR, pointer, problem);
    }

    /** Something that works but is probably not what the merchant meant (it never stops a load or an activation). */
    public void warn(String pointer, String problem) {
        record(ConfigProblem.Severity.WARNING, pointer, problem);
    }

    private void record(ConfigProblem.Severity severity, String pointer, String problem) {
        if (lines == null) lines = YamlLines.of(source.text());
        int[] at = YamlLines.lineOf(lines, pointer);
        problems.add(new ConfigProblem(severity, source.name(), at == null ? null : at[0], at == null ? null : at[1],
                FieldPath.readable(tree, pointer), optionId(pointer), problem));
    }

    /** The warnings collected (after a build that threw nothing, all there is). */
    public List<ConfigProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
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

    /** Throws every problem collected so far (warnings included), if there is an error among them. */
    public void throwIfAny() {
        if (problems.stream().anyMatch(ConfigProblem::isError)) throw new ConfigException(problems);
    }
}
