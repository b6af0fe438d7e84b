package dev.leverans.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** On SQLite one process owns the file: every "instance" of a test is that one handle. */
class SqliteCoordinationTest extends CoordinationContract {
    @TempDir
    Path dir;
    private SqliteDatabase database;

    @Override
    protected Database instance() {
        if (database == null) database = SqliteDatabase.open(dir, false);
        return database;
    }
}
