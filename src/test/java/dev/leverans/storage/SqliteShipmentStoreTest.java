package dev.leverans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteShipmentStoreTest extends ShipmentStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Database openDatabase() {
        return SqliteDatabase.open(dir, false);
    }

    @Test
    void theHealthCheckReallyWrites() throws Exception {
        store.checkHealth();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("leverans.db"));
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM health_probe WHERE checked_at > 0")) {
            assertEquals(1, rs.getInt(1), "a probe that writes nothing passes on a full or read-only disk");
        }
    }

    @Test
    void aDatabaseFileMovedUnderTheServerStopsWritesAndHealth() throws Exception {
        store.checkHealth();
        Files.move(dir.resolve("leverans.db"), dir.resolve("moved.db"));
        var e = assertThrows(StorageException.class, store::checkHealth);
        assertTrue(e.getMessage().contains("moved or deleted"), e.getMessage());
        Files.move(dir.resolve("moved.db"), dir.resolve("leverans.db"));
        store.checkHealth();
    }
}
