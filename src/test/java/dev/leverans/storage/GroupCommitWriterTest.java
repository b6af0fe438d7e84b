package dev.leverans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that fails a commit the way SQLite does on a full disk, then comes back. */
class GroupCommitWriterTest {
    @TempDir
    Path dir;

    private final AtomicBoolean diskFull = new AtomicBoolean();

    /**
     * SQLite on ENOSPC: the commit fails, SQLite has already rolled the transaction back and the
     * driver's connection is left in auto-commit; a later rollback() fails with "no transaction".
     */
    private Connection faulty(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit") && diskFull.get()) {
                        real.rollback();
                        real.setAutoCommit(true);
                        throw new SQLException("[SQLITE_FULL] database or disk is full");
                    }
                    if (method.getName().equals("rollback") && real.getAutoCommit()) {
                        throw new SQLException("no transaction is active");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private int rows(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            return rs.getInt(1);
        }
    }

    @Test
    void afterAFailedCommitEveryUnitIsAgainOneTransactionAndA503MeansNothingWasStored() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("w.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        }
        try (GroupCommitWriter writer = new GroupCommitWriter(() -> faulty(DriverManager.getConnection(url)), () -> null)) {
            writer.execute(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
            diskFull.set(true);
            assertThrows(StorageException.class, () -> writer.execute(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (2)")));
            diskFull.set(false);
            // A unit that writes, then fails: with a connection left in auto-commit its insert would stay.
            assertThrows(StorageException.class, () -> writer.execute(c -> {
                c.createStatement().executeUpdate("INSERT INTO t VALUES (3)");
                throw new SQLException("the second statement of the unit failed");
            }));
            writer.execute(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (4)"));
        }
        assertEquals(2, rows(url), "only units 1 and 4 were stored");
    }
}
