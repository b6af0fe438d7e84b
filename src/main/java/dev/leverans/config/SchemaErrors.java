package dev.leverans.config;

import com.networknt.schema.Error;

/** Where a JSON-Schema error is: a JSON pointer to the offending field (for "required", the missing one). */
public final class SchemaErrors {
    private SchemaErrors() {}

    public static String pointer(Error error) {
        String path = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) path = path + "/" + error.getProperty();
        return path.isEmpty() ? "/" : path;
    }
}
