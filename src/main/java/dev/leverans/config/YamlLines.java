package dev.leverans.config;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The line and column of every field of a YAML (or JSON) document, by JSON pointer; parsed again only when a problem is reported. */
final class YamlLines {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private YamlLines() {}

    static Map<String, int[]> of(String text) {
        Map<String, int[]> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                var at = parser.currentTokenLocation();
                lines.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(), new int[] {at.getLineNr(), at.getColumnNr()});
            }
        } catch (JacksonException e) {
            // A file that does not parse has no lines to give; its parse error names its own.
        }
        return lines;
    }

    /** Line and column of the field, or of the nearest enclosing one in the document (a missing field: its parent; none for the top level). */
    static int[] lineOf(Map<String, int[]> lines, String pointer) {
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            int[] at = lines.get(p);
            if (at != null) return at;
        }
        return null;
    }
}
