package dev.leverans.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration document's text and the name its problems are reported under (a file, or "version 3"). */
public record ConfigSource(String name, String text) {
    public static ConfigSource of(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": no such file");
        try {
            return new ConfigSource(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
