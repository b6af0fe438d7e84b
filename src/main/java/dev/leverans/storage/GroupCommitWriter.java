package dev.leverans.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The single owner of SQLite's one writer connection. Callers hand in units of work; the writer
 * thread runs whatever is queued in one transaction and completes each caller only after COMMIT,
 * so one fsync covers many requests. If a batch fails it is rolled back and every unit is retried
 * alone, so one bad unit cannot fail the others. After any failure the connection is replaced:
 * SQLite may already have rolled back on its own (a full disk) and leave the old connection in
 * auto-commit, where each statement would commit alone and a failed unit could be half stored.
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final int MAX_BATCH = 256;
    private static final int QUEUE_CAPACITY = 10_000;

    private record Task<T>(Database.Work<T> work, CompletableFuture<T> result) {
        void complete(Object value) {
            @SuppressWarnings("unchecked") T typed = (T) value;
            result.complete(typed);
        }
    }

    /** Opens the writer connection; called again after a failure. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final ConnectionFactory factory;
    private final Supplier<String> fault;
    private Connection connection; // only touched by the writer thread, and by close() after it ended
    private final BlockingQueue<Task<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code fault} names what makes writing unsafe right now (e.g. the database file is gone), else null. */
    public GroupCommitWriter(ConnectionFactory factory, Supplier<String> fault) throws SQLException {
        this.factory = factory;
        this.fault = fault;
        this.connection = opened();
        this.thread = Thread.ofPlatform().name("leverans-db-writer").daemon(true).start(this::loop);
    }

    /** Runs the work in a committed transaction and returns its result; throws StorageException otherwise. */
    public <T> T execute(Database.Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Task<>(work, result))) {
            throw new StorageException("the database writer is not accepting work", null);
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            throw new StorageException("database write failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (!commit(batch) && batch.size() > 1) {
                    for (Task<?> task : batch) commit(List.of(task));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Runs the tasks in one transaction; completes them all on commit, or fails a lone task. */
    private boolean commit(List<Task<?>> tasks) {
        List<Object> results = new ArrayList<>(tasks.size());
        try {
            String unsafe = fault.get();
            if (unsafe != null) throw new SQLException(unsafe);
            if (connection == null) connection = opened();
            for (Task<?> task : tasks) results.add(task.work().run(connection));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            discardConnection();
            if (tasks.size() == 1) tasks.getFirst().result().completeExceptionally(e);
            return false;
        }
        for (int i = 0; i < tasks.size(); i++) tasks.get(i).complete(results.get(i));
        return true;
    }

    private Connection opened() throws SQLException {
        Connection c = factory.open();
        c.setAutoCommit(false);
        return c;
    }

    /** Rolls back what the failed transaction left and closes the connection; the next batch opens a new one. */
    private void discardConnection() {
        if (connection == null) return;
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // SQLite rolled back already (e.g. a full disk); closing below discards whatever is left.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing was committed on it; a new connection replaces it.
        }
        connection = null;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
            if (connection != null) connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException ignored) {
            // Closing after a failed write; nothing left to save.
        }
    }
}
