package dev.leverans.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded database: one SQLite file in the data directory, WAL journal with synchronous=FULL
 * (a commit is on disk before it is acknowledged), migrated by Flyway at start. One writer
 * connection for the group-commit writer, a small pool of reader connections.
 */
public final class SqliteDatabase implements AutoCloseable {
    static final String FILE_NAME = "leverans.db";
    private static final int READERS = 4;

    private final GroupCommitWriter writer;
    private final HikariDataSource readers;

    private SqliteDatabase(GroupCommitWriter writer, HikariDataSource readers) {
        this.writer = writer;
        this.readers = readers;
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

    public GroupCommitWriter writer() { return writer; }

    public DataSource readers() { return readers; }

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
                .locations("classpath:db/migration")
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
