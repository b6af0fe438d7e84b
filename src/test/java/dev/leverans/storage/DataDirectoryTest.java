package dev.leverans.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path dir;

    private void openAndClose(Path dataDir, boolean init) {
        SqliteDatabase.open(dataDir, init).close();
    }

    @Test
    void aFirstStartCreatesTheDatabaseAndItsMarker() {
        Path data = dir.resolve("data");
        openAndClose(data, false);
        assertTrue(Files.exists(data.resolve("leverans.db")));
        assertTrue(Files.exists(data.resolve(DataDirectory.MARKER)));
        assertDoesNotThrow(() -> openAndClose(data, false), "a restart opens the same database");
    }

    @Test
    void aDeletedDatabaseIsRefusedInsteadOfStartingOverEmpty() throws Exception {
        openAndClose(dir, false);
        Files.delete(dir.resolve("leverans.db"));
        StorageException e = assertThrows(StorageException.class, () -> openAndClose(dir, false));
        assertTrue(e.getMessage().contains("leverans.db is missing") && e.getMessage().contains("--init"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("leverans.db")), "no empty database was created");
    }

    @Test
    void aRenamedDatabaseIsNamedInTheRefusalEvenWithoutTheMarker() throws Exception {
        openAndClose(dir, false);
        Files.move(dir.resolve("leverans.db"), dir.resolve("leverans.db.bak"));
        Files.delete(dir.resolve(DataDirectory.MARKER));
        StorageException e = assertThrows(StorageException.class, () -> openAndClose(dir, false));
        assertTrue(e.getMessage().contains("found leverans.db.bak"), e.getMessage());
    }

    @Test
    void initStartsOverOnPurpose() throws Exception {
        openAndClose(dir, false);
        Files.delete(dir.resolve("leverans.db"));
        assertDoesNotThrow(() -> openAndClose(dir, true));
        assertTrue(Files.exists(dir.resolve("leverans.db")));
        assertDoesNotThrow(() -> openAndClose(dir, false), "after --init it is an ordinary database again");
    }

    @Test
    void aDatabaseFromBeforeTheMarkerGetsOne() throws Exception {
        openAndClose(dir, false);
        Files.delete(dir.resolve(DataDirectory.MARKER));
        openAndClose(dir, false);
        assertTrue(Files.exists(dir.resolve(DataDirectory.MARKER)));
        assertEquals(2, Files.list(dir).filter(f -> !f.getFileName().toString().startsWith("leverans.db-")).count());
    }
}
