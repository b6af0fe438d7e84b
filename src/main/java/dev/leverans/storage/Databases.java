package dev.leverans.storage;

import dev.leverans.config.StorageSettings;

/** Opens the database the settings name. */
public final class Databases {
    private Databases() {}

    public static Database open(StorageSettings settings) {
        return switch (settings.type()) {
            case SQLITE -> SqliteDatabase.open(settings.dataDir(), settings.init());
            case POSTGRESQL -> PostgresDatabase.open(settings.postgresql());
        };
    }
}
