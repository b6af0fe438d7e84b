package dev.leverans.config;

import java.nio.file.Path;

/**
 * Where reservations and orders live: an SQLite file in {@code dataDir} (one instance, the default),
 * or a PostgreSQL database shared by several instances ({@code postgresql}).
 */
public record StorageSettings(Type type, Path dataDir, boolean init, DatabaseSettings postgresql) {
    public enum Type { SQLITE, POSTGRESQL }

    /** These settings with {@code --init}: a missing SQLite database is created even where one was before. */
    public StorageSettings withInit() {
        return new StorageSettings(type, dataDir, true, postgresql);
    }
}
