package dev.leverans.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leverans.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared database of several instances: PostgreSQL through a HikariCP pool, migrated by Flyway
 * at start (Flyway's own lock lets instances start together). Every write is its own transaction
 * with {@code synchronous_commit=on}; PostgreSQL merges concurrent commits, so there is no
 * group-commit writer here. Serialisation is PostgreSQL's: row locks ({@link #forUpdate}),
 * transaction advisory locks ({@link #lock}) and session advisory locks held on a connection of a
 * separate pool ({@link #exclusively}), which cannot starve the pool the held work writes through.
 */
public final class PostgresDatabase implements Database {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    /** serialization_failure, deadlock_detected: the transaction was rolled back and may simply run again. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    private static final int ATTEMPTS = 3;

    private final HikariDataSource pool;
    private final HikariDataSource lockPool;
    private final DatabaseSettings settings;

    private PostgresDatabase(DatabaseSettings settings, HikariDataSource pool, HikariDataSource lockPool) {
        this.settings = settings;
        this.pool = pool;
        this.lockPool = lockPool;
    }

    public static PostgresDatabase open(DatabaseSettings settings) {
        HikariDataSource pool = null;
        try {
            pool = pool(settings, "leverans-db", settings.poolSize());
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration", "classpath:db/postgresql")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            PostgresDatabase database = new PostgresDatabase(settings, pool, pool(settings, "leverans-db-locks", settings.poolSize()));
            LOG.info("storage: PostgreSQL at {} (pool of {})", settings.safeUrl(), settings.poolSize());
            return database;
        } catch (RuntimeException e) {
            if (pool != null) pool.close();
            throw new StorageException("cannot open PostgreSQL at " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) config.setUsername(settings.user());
        if (settings.password() != null) config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setPoolName(name);
        // A database that does not answer makes a request fail in seconds (503), not hang.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(10_000);
        // Durable whatever the server's default is: a commit is acknowledged only once it is on disk.
        config.setConnectionInitSql("SET synchronous_commit = on");
        return new HikariDataSource(config);
    }

    @Override
    public <T> T write(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    if (attempt < ATTEMPTS && retryable(e)) continue;
                    throw e;
                }
            } catch (SQLException e) {
                throw new StorageException("database write failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public <T> T read(Work<T> work) {
        return Jdbc.read(pool, work);
    }

    @Override
    public void lock(Connection connection, String key) throws SQLException {
        advisory(connection, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", key);
    }

    @Override
    public String forUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public void announce(Connection connection, String channel, String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, key);
            ps.execute();
        }
    }

    @Override
    public AutoCloseable subscribe(String channel, Consumer<String> onKey, Runnable onMissed) {
        return ChangeListener.start(settings, channel, onKey, onMissed);
    }

    @Override
    public <T> T exclusively(String key, Supplier<T> work) {
        Connection c;
        try {
            c = lockPool.getConnection();
            advisory(c, "SELECT pg_advisory_lock(hashtextextended(?, 0))", key);
        } catch (SQLException e) {
            throw new StorageException("cannot take the database lock for " + key + ": " + e.getMessage(), e);
        }
        try {
            return work.get();
        } finally {
            unlock(c, key);
        }
    }

    private void unlock(Connection c, String key) {
        try (c) {
            advisory(c, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", key);
        } catch (SQLException e) {
            // A connection that could not unlock must not go back to the pool still holding the lock.
            lockPool.evictConnection(c);
            LOG.warn("releasing the database lock for {} failed ({}); its connection was dropped, which releases it", key, e.getMessage());
        }
    }

    private static void advisory(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.execute();
        }
    }

    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) return true;
        }
        return false;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; Hikari discards it.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage();
    }

    @Override
    public void close() {
        lockPool.close();
        pool.close();
    }
}
