package dev.leverans.support;

import dev.leverans.config.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (zonky's embedded binaries, nothing installed), made durable
 * like production (its defaults are not) and placed under target/. Each caller gets a database of
 * its own, so test classes never see each other's rows.
 */
public final class EmbeddedPg {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPg() {}

    /** A new, empty database on the shared server. */
    public static synchronized DatabaseSettings newDatabase() {
        String name = "leverans_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new DatabaseSettings(server.getJdbcUrl("postgres", name), "postgres", null, 8);
    }

    /** Connections to the server itself (e.g. to end another session's connections). */
    public static synchronized javax.sql.DataSource admin() {
        return server().getPostgresDatabase();
    }

    private static EmbeddedPostgres server() {
        if (server != null) return server;
        try {
            Path base = Files.createDirectories(Path.of("target", "embedded-pg").toAbsolutePath());
            Path work = Files.createTempDirectory(base, "work-");
            server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(Files.createTempDirectory(base, "data-"))
                    .setCleanDataDirectory(true)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("unix_socket_directories", work.toString())
                    .setServerConfig("max_connections", "300")
                    .start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}
