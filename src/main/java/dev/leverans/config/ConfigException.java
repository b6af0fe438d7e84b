package dev.leverans.config;

import java.util.List;

/**
 * Configuration that cannot be used: every problem found, one per line, each naming the document,
 * the line where it has one, the field and what is wrong.
 */
public final class ConfigException extends RuntimeException {
    private final List<ConfigProblem> details;

    public ConfigException(String problem) {
        this(List.of(ConfigProblem.of(problem)));
    }

    public ConfigException(String problem, Throwable cause) {
        super(problem, cause);
        this.details = List.of(ConfigProblem.of(problem));
    }

    public ConfigException(List<ConfigProblem> details) {
        super(String.join("\n", details.stream().map(ConfigProblem::toString).toList()));
        this.details = List.copyOf(details);
    }

    /** Each problem in its one-line form. */
    public List<String> problems() {
        return details.stream().map(ConfigProblem::toString).toList();
    }

    public List<ConfigProblem> details() {
        return details;
    }
}
