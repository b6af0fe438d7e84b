package dev.leverans.config;

/**
 * One problem of a configuration document: where (the document, its line when known, the field as
 * a reader names it, the option it belongs to) and what. {@link #toString()} is the one-line form
 * {@code file:line: options[budbee-home].price.SEK: problem}.
 */
public record ConfigProblem(String source, Integer line, Integer column, String path, String optionId, String message) {
    public static ConfigProblem of(String text) {
        return new ConfigProblem(null, null, null, null, null, text);
    }

    @Override
    public String toString() {
        if (source == null) return message;
        return source + (line == null ? "" : ":" + line) + ": " + path + ": " + message;
    }
}
