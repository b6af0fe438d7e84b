package dev.leverans.merchants;

import dev.leverans.config.ConfigProblem;
import java.time.Instant;
import java.util.List;

/**
 * One version of a merchant's configuration (rule table and locations, as a YAML or JSON
 * document), with the problems found when it was submitted; only a version without errors can
 * become active (warnings do not stop it).
 */
public record ConfigVersion(String merchantId, int number, Status status, String author, String comment, Instant createdAt,
                            String content, List<ConfigProblem> problems) {
    public enum Status { DRAFT, ACTIVE, ARCHIVED }

    public ConfigVersion {
        problems = List.copyOf(problems);
    }

    /** An error (not a warning) among its problems: such a version can never become active. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(ConfigProblem::isError);
    }
}
