package dev.leverans.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's periodic work (expiry, retention, nonce clean-up, outbox replay, configuration
 * polling) on one daemon thread: each chore runs periodically (most every 30 s), logs what it did
 * when it did anything, and a failure is logged and retried on the next run. Every chore is safe
 * with several instances on one database: updates that only apply to rows still in the state
 * they look for, and outbox calls claimed one instance at a time.
 */
public final class BackgroundChores implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundChores.class);
    private static final long PERIOD_SECONDS = 30;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("leverans-chores").daemon(true).factory());

    /** Runs {@code chore} every 30 s, the first time after {@code initialDelaySeconds}; {@code doneMessage} takes its count. */
    public void every30Seconds(String doneMessage, IntSupplier chore, long initialDelaySeconds) {
        every(PERIOD_SECONDS, doneMessage, chore, initialDelaySeconds);
    }

    /** Runs {@code chore} every {@code periodSeconds}, the first time after {@code initialDelaySeconds}. */
    public void every(long periodSeconds, String doneMessage, IntSupplier chore, long initialDelaySeconds) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int count = chore.getAsInt();
                if (count > 0) LOG.info(doneMessage, count);
            } catch (RuntimeException e) {
                LOG.warn("background task failed ({}); will retry", doneMessage, e);
            }
        }, initialDelaySeconds, periodSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
