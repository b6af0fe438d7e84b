package dev.leverans.config;

/**
 * One problem of a configuration document: where (the document, its line when known, the field as
 * a reader names it, the option it belongs to) and what. {@link #toString()} is the one-line form
 * {@code file:line: options[budbee-home].price.SEK: problem}.
 */
public record ConfigProblem(Severity severity, String source, Integer line, Integer column, String path, String optionId,
                            String message) {
    /** An error stops a file from loading and a version from becoming active; a warning does not. */
    public enum Severity { ERROR, WARNING }

    public static ConfigProblem of(String text) {
        return new ConfigProblem(Severity.ERROR, null, null, null, null, null, text);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        if (source == null) return prefix + message;
        return source + (line == null ? "" : ":" + line) + ": " + prefix + path + ": " + message;
    }
}
