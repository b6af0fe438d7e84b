package dev.leverans.storage;

import dev.leverans.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL {@code LISTEN} on one dedicated connection (outside the pool) and one thread. A
 * notification sent while the connection is down is lost, so after every reconnect the owner is
 * told to re-read everything ({@code onMissed}), as it is once at the start.
 */
final class ChangeListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DatabaseSettings settings;
    private final String channel;
    private final Consumer<String> onKey;
    private final Runnable onMissed;
    private final Thread thread;
    private volatile boolean running = true;

    private ChangeListener(DatabaseSettings settings, String channel, Consumer<String> onKey, Runnable onMissed) {
        this.settings = settings;
        this.channel = channel;
        this.onKey = onKey;
        this.onMissed = onMissed;
        this.thread = Thread.ofPlatform().name("leverans-listen-" + channel).daemon(true).unstarted(this::loop);
    }

    static ChangeListener start(DatabaseSettings settings, String channel, Consumer<String> onKey, Runnable onMissed) {
        if (!channel.matches("[a-z_]+")) throw new IllegalArgumentException("channel " + channel);
        ChangeListener listener = new ChangeListener(settings, channel, onKey, onMissed);
        listener.thread.start();
        return listener;
    }

    private void loop() {
        boolean first = true;
        while (running) {
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                if (!first) {
                    LOG.info("listening for {} changes again; re-reading them all", channel);
                    onMissed.run();
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received == null) continue;
                    for (PGNotification n : received) deliver(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                first = false;
                LOG.warn("listening for {} changes failed ({}); reconnecting, polling covers the gap", channel, e.getMessage());
                pause();
            }
        }
    }

    private void deliver(String key) {
        try {
            onKey.accept(key);
        } catch (RuntimeException e) {
            LOG.warn("applying the {} change of {} failed: {}", channel, key, e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
