package dev.leverans.config;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The line of every field of a YAML (or JSON) document, by JSON pointer; parsed again only when a problem is reported. */
final class YamlLines {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private YamlLines() {}

    static Map<String, Integer> of(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                lines.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
            }
        } catch (JacksonException e) {
            // A file that does not parse has no lines to give; its parse error names its own.
        }
        return lines;
    }

    /** The line of the field, or of the nearest enclosing one in the file (a missing field: its parent; none for the top level). */
    static Integer lineOf(Map<String, Integer> lines, String pointer) {
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) return line;
        }
        return null;
    }
}
