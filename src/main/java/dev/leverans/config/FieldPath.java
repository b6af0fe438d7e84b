package dev.leverans.config;

import tools.jackson.databind.JsonNode;

/**
 * A JSON pointer as its reader would name the field: {@code options[budbee-home].price.SEK} (an
 * array entry by its {@code id} where the document has one, else {@code lines[0]}).
 */
public final class FieldPath {
    private FieldPath() {}

    /** {@code root} may be null: then every array entry goes by its index. */
    public static String readable(JsonNode root, String pointer) {
        if (pointer.isEmpty() || pointer.equals("/")) return "(the file)";
        StringBuilder out = new StringBuilder();
        JsonNode node = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            boolean index = !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
            if (index && (node == null || node.isArray())) {
                JsonNode element = node == null ? null : node.get(Integer.parseInt(segment));
                JsonNode id = element == null ? null : element.get("id");
                out.append('[').append(id != null && id.isString() ? id.asString() : segment).append(']');
                node = element;
            } else {
                if (!out.isEmpty()) out.append('.');
                out.append(segment);
                node = node == null ? null : node.get(segment);
            }
        }
        return out.toString();
    }
}
