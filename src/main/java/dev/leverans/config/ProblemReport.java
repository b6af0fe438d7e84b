package dev.leverans.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The problems of one config file, collected so that a run reports all of them at once. Each reads
 * {@code file:line: options[budbee-home].price.SEK: problem}: the line of the field in the file,
 * and the field as a reader finds it (array entries by their {@code id} where they have one).
 */
public final class ProblemReport {
    private final Path file;
    private final JsonNode tree;
    private final List<String> problems = new ArrayList<>();
    private Map<String, Integer> lines;

    public ProblemReport(Path file, JsonNode tree) {
        this.file = file;
        this.tree = tree;
    }

    /** A problem at a JSON pointer into the file ({@code /options/1/price/SEK}; empty for the whole file). */
    public void add(String pointer, String problem) {
        if (lines == null) lines = YamlLines.of(file);
        Integer line = YamlLines.lineOf(lines, pointer);
        problems.add(file + (line == null ? "" : ":" + line) + ": " + FieldPath.readable(tree, pointer) + ": " + problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws every problem collected so far, if there is one. */
    public void throwIfAny() {
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }
}
