package dev.leverans.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded database: one SQLite file in the data directory, WAL journal with synchronous=FULL
 * (a commit is on disk before it is acknowledged), migrated by Flyway at start. One writer
 * connection for the group-commit writer, a small pool of reader connections. The writer is the only
 * one, so every unit of work is already serialised against every other: no row locks needed.
 */
public final class SqliteDatabase implements Database {
    static final String FILE_NAME = "leverans.db";
    private static final int READERS = 4;
    /** Work held {@link #exclusively} on one key: a fixed set of locks, so the set never grows with the keys. */
    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    private final GroupCommitWriter writer;
    private final HikariDataSource readers;

    private SqliteDatabase(GroupCommitWriter writer, HikariDataSource readers) {
        this.writer = writer;
        this.readers = readers;
        for (int i = 0; i < STRIPES; i++) stripes[i] = new ReentrantLock();
    }

    /** Opens (or, on a first start or with {@code init}, creates) the database; see {@link DataDirectory}. */
    public static SqliteDatabase open(Path dataDir, boolean init) {
        DataDirectory.prepare(dataDir, FILE_NAME, init);
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
        Properties pragmas = pragmas();
        migrate(url, pragmas);
        try {
            DatabaseFile file = new DatabaseFile(dataDir.resolve(FILE_NAME));
            return new SqliteDatabase(new GroupCommitWriter(() -> DriverManager.getConnection(url, pragmas), file::fault),
                    readerPool(url, pragmas));
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T write(Work<T> work) {
        return writer.execute(work);
    }

    @Override
    public <T> T read(Work<T> work) {
        return Jdbc.read(readers, work);
    }

    @Override
    public void lock(Connection connection, String key) {
        // The single writer runs one unit at a time.
    }

    @Override
    public String forUpdate() {
        return "";
    }

    @Override
    public void announce(Connection connection, String channel, String key) {
        // Only this process serves from the file, and it applies its own changes at once.
    }

    @Override
    public AutoCloseable subscribe(String channel, Consumer<String> onKey, Runnable onMissed) {
        return () -> {};
    }

    /** One process owns the file, so a lock in this process is a lock for everyone. */
    @Override
    public <T> T exclusively(String key, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static Properties pragmas() {
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "FULL");
        p.setProperty("busy_timeout", "5000");
        p.setProperty("foreign_keys", "true");
        return p;
    }

    private static void migrate(String url, Properties pragmas) {
        Flyway.configure()
                .dataSource(flywayDataSource(url, pragmas))
                .locations("classpath:db/migration", "classpath:db/sqlite")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static DataSource flywayDataSource(String url, Properties pragmas) {
        SQLiteDataSource dataSource = new SQLiteDataSource(new SQLiteConfig(pragmas));
        dataSource.setUrl(url);
        return dataSource;
    }

    private static HikariDataSource readerPool(String url, Properties pragmas) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setDataSourceProperties(pragmas);
        config.setMaximumPoolSize(READERS);
        config.setMinimumIdle(1);
        config.setPoolName("leverans-readers");
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
    }
}
