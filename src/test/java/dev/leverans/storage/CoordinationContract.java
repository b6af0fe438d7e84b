package dev.leverans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.http.Json;
import dev.leverans.merchants.ConfigVersion;
import dev.leverans.ordermanagement.Note;
import dev.leverans.ordermanagement.OmOrder;
import dev.leverans.ordermanagement.OmStore;
import dev.leverans.ordermanagement.Operation;
import dev.leverans.ordermanagement.OutboxEntry;
import dev.leverans.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * What several instances rely on the store for, run on SQLite (one process) and on PostgreSQL (two
 * database handles on one database, as two instances have): one primary per Klarna order, one
 * claim per outbox call, one order worked on at a time, a nonce accepted once, version numbers
 * handed out once.
 */
abstract class CoordinationContract {
    private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");
    private static final Duration CLAIM = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = Json.mapper();

    private final MutableClock clock = new MutableClock(T0);
    private final List<Database> opened = new ArrayList<>();

    /** A handle on the database under test, as one instance has it; every call within a test reaches the same data. */
    protected abstract Database instance();

    private Database open() {
        Database d = instance();
        opened.add(d);
        return d;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    private OmStore om(Database d, String owner) {
        return new SqlOmStore(d, JSON, clock, owner, CLAIM);
    }

    private static OmOrder order(String shopOrderId, String klarnaOrderId, String duplicateOf) {
        return OmOrder.registered("demo", shopOrderId, klarnaOrderId, "SEK", 100, List.of(), null, duplicateOf,
                new Note(T0, "registered"));
    }

    private static OutboxEntry call(String shopOrderId) {
        return new OutboxEntry(UUID.randomUUID().toString(), "demo", shopOrderId, Operation.CAPTURE, "/captures",
                UUID.randomUUID().toString(), "{}", 100, "completed", "capture", "status completed");
    }

    /** Runs {@code n} copies of the task at once (released together) and returns their results. */
    private static <T> List<T> race(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) futures.add(pool.submit(() -> { start.await(); return task.call(); }));
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(30, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRegistrationsOfOneKlarnaOrderMakeExactlyOnePrimary() throws Exception {
        OmStore a = om(open(), "a");
        OmStore b = om(open(), "b");
        AtomicInteger next = new AtomicInteger();
        List<OmStore.Registered> results = race(8, () -> {
            int i = next.getAndIncrement();
            OmStore store = i % 2 == 0 ? a : b;
            return store.register("demo", "SO-" + i, "K-1", primary -> order("SO-" + i, "K-1", primary));
        });
        assertEquals(1, results.stream().filter(r -> r.order().duplicateOf() == null).count());
        assertEquals(8, a.findByKlarnaOrder("demo", "K-1").size());
    }

    @Test
    void concurrentRegistrationsOfOneShopOrderCreateItOnce() throws Exception {
        OmStore a = om(open(), "a");
        OmStore b = om(open(), "b");
        AtomicInteger next = new AtomicInteger();
        List<OmStore.Registered> results = race(8, () -> (next.getAndIncrement() % 2 == 0 ? a : b)
                .register("demo", "SO-1", "K-1", primary -> order("SO-1", "K-1", primary)));
        assertEquals(1, results.stream().filter(OmStore.Registered::created).count());
    }

    @Test
    void eachPendingCallIsClaimedByExactlyOneInstanceUntilItsClaimRunsOut() throws Exception {
        OmStore sender = om(open(), "sender");
        List<OutboxEntry> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OutboxEntry e = call("SO-" + i);
            sender.saveWithPendingCall(order("SO-" + i, "K-" + i, null), e);
            calls.add(e);
        }
        OmStore a = om(open(), "a");
        OmStore b = om(open(), "b");
        assertTrue(a.claimPendingCalls().isEmpty(), "the sender's claim holds");

        clock.advance(CLAIM.plusSeconds(1)); // the sender crashed: its claims ran out
        AtomicInteger next = new AtomicInteger();
        List<List<OutboxEntry>> claims = race(4, () -> (next.getAndIncrement() % 2 == 0 ? a : b).claimPendingCalls());
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        int total = 0;
        for (List<OutboxEntry> c : claims) {
            total += c.size();
            c.forEach(e -> claimed.add(e.id()));
        }
        assertEquals(20, total, "no call claimed twice");
        assertEquals(calls.stream().map(OutboxEntry::id).collect(java.util.stream.Collectors.toSet()), claimed, "none lost");

        OutboxEntry first = calls.getFirst();
        a.saveWithQueuedCall(order("SO-0", "K-0", null), first); // no answer from Klarna: released for the next replay
        assertEquals(List.of(first.id()), b.claimPendingCalls().stream().map(OutboxEntry::id).toList());
        b.saveWithFinishedCall(order("SO-0", "K-0", null), first);
        assertFalse(b.isPending(first.id()));
    }

    @Test
    void workOnOneOrderIsSerialisedAcrossInstances() throws Exception {
        OmStore a = om(open(), "a");
        OmStore b = om(open(), "b");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        race(8, () -> (next.getAndIncrement() % 2 == 0 ? a : b).exclusively("demo", "SO-1", () -> {
            if (inside.incrementAndGet() > 1) overlaps.incrementAndGet();
            sleep(20);
            inside.decrementAndGet();
            return null;
        }));
        assertEquals(0, overlaps.get());
    }

    @Test
    void aNonceIsAcceptedOnceAcrossInstances() throws Exception {
        SqlNonceStore a = new SqlNonceStore(open());
        SqlNonceStore b = new SqlNonceStore(open());
        AtomicInteger next = new AtomicInteger();
        List<Boolean> accepted = race(8, () -> (next.getAndIncrement() % 2 == 0 ? a : b)
                .firstUse("demo", "nonce-1", T0.plusSeconds(3600), T0));
        assertEquals(1, accepted.stream().filter(x -> x).count());
        assertTrue(a.firstUse("demo", "nonce-1", T0.plusSeconds(7200), T0.plusSeconds(3601)), "an expired record may be used again");
    }

    @Test
    void concurrentDraftsAndActivationsGetTheirOwnNumbers() throws Exception {
        SqlConfigVersionStore a = new SqlConfigVersionStore(open(), JSON);
        SqlConfigVersionStore b = new SqlConfigVersionStore(open(), JSON);
        AtomicInteger next = new AtomicInteger();
        List<ConfigVersion> drafts = race(8, () -> (next.getAndIncrement() % 2 == 0 ? a : b)
                .addDraft("demo", "ann", null, "options: []", List.of(), T0));
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), numbers(drafts));
        AtomicInteger version = new AtomicInteger();
        race(8, () -> {
            int n = version.incrementAndGet();
            return (n % 2 == 0 ? a : b).activate("demo", n, "ann", T0);
        });
        assertEquals(8, a.activations("demo").size());
        assertEquals(1, a.list("demo").stream().filter(v -> v.status() == ConfigVersion.Status.ACTIVE).count());
    }

    @Test
    void instancesStartingTogetherSeedAMerchantOnce() throws Exception {
        SqlConfigVersionStore a = new SqlConfigVersionStore(open(), JSON);
        SqlConfigVersionStore b = new SqlConfigVersionStore(open(), JSON);
        AtomicInteger next = new AtomicInteger();
        var seeded = race(6, () -> (next.getAndIncrement() % 2 == 0 ? a : b).seed("demo", "seed", null, "options: []", List.of(), T0));
        assertEquals(1, seeded.stream().filter(dev.leverans.merchants.ConfigVersionStore.Seeded::stored).count());
        assertEquals(Set.of(1), numbers(seeded.stream().map(dev.leverans.merchants.ConfigVersionStore.Seeded::active).toList()));
        assertEquals(1, a.list("demo").size());
        assertEquals(1, a.activations("demo").size());
    }

    private static Set<Integer> numbers(Collection<ConfigVersion> versions) {
        Set<Integer> out = new java.util.TreeSet<>();
        versions.forEach(v -> out.add(v.number()));
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
