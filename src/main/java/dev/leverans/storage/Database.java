package dev.leverans.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The reservation database as the stores see it, whichever engine holds it: units of work that
 * commit or leave nothing, reads, and the two ways to serialise work on one key across every
 * instance that shares the database. On SQLite one process owns the file, so both are local; on
 * PostgreSQL they are row locks and advisory locks.
 */
public interface Database extends AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in one committed transaction and returns its result; StorageException when nothing was stored. */
    <T> T write(Work<T> work);

    <T> T read(Work<T> work);

    /**
     * Inside {@link #write}: waits until no other transaction holds {@code key}, and holds it until
     * this one ends (a read-then-insert on the key, such as the next version number, cannot race).
     */
    void lock(Connection connection, String key) throws SQLException;

    /** Appended to a SELECT inside {@link #write} that reads rows it will then update: locks them until commit. */
    String forUpdate();

    /**
     * Runs {@code work}, which may take many transactions and call out (to Klarna, say), while no
     * other caller on any instance runs work for the same key.
     */
    <T> T exclusively(String key, Supplier<T> work);

    /**
     * Inside {@link #write}: tells every instance listening on {@code channel} about {@code key}
     * once (and only if) the transaction commits.
     */
    void announce(Connection connection, String channel, String key) throws SQLException;

    /**
     * Calls {@code onKey} with each key announced on {@code channel} by any instance, and
     * {@code onMissed} whenever announcements may have been lost (the listener reconnected), until
     * closed. A database that only this process uses needs no listener: nothing is called.
     */
    AutoCloseable subscribe(String channel, Consumer<String> onKey, Runnable onMissed);

    /** Checks that a write reaches the disk now: a probe that writes nothing passes on a full or read-only disk. */
    default void checkWritable() {
        write(c -> Jdbc.update(c, "INSERT INTO health_probe (id, checked_at) VALUES (1, ?) "
                + "ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at", System.currentTimeMillis()));
    }

    @Override
    void close();
}
