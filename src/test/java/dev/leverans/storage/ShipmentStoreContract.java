package dev.leverans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.http.Json;
import dev.leverans.shipments.Booking;
import dev.leverans.shipments.BookingUpdate;
import dev.leverans.shipments.ReservedChoice;
import dev.leverans.shipments.Shipment;
import dev.leverans.shipments.ShipmentQuery;
import dev.leverans.shipments.ShipmentStatus;
import dev.leverans.shipments.StoreResult.Outcome;
import dev.leverans.shipments.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every shipment store does, whichever database holds it: run on SQLite and on PostgreSQL. */
abstract class ShipmentStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");
    private static final Booking.Recipient ANNA = new Booking.Recipient("Anna", "Svensson", "Drottninggatan 1", null, "111 22",
            "Stockholm", null, "SE", "+46701234567", "anna@example.com", "c/o Berg", null);
    private static final Booking BOOKING = new Booking(ANNA, new Booking.Parcel(1200L, 350, 300, 150),
            List.of(new Booking.Line("SKU-BOOTS", 1), new Booking.Line("SKU-SOCKS", 3)), "K-order-1");

    protected SqlShipmentStore store;

    /** The database under test: the same one again on every call within a test (to reopen it). */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        store = new SqlShipmentStore(openDatabase(), Json.mapper());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ReservedChoice choice(String optionId, long price) {
        return new ReservedChoice(optionId, "home", "budbee", "Home", "SEK", price, "{\"id\":\"" + optionId + "\"}", 1, BOOKING);
    }

    @Test
    void reserveCreatesThenUpdatesTheSessionsReservation() {
        var first = store.reserve("demo", "session-1", "id-1", choice("a", 100), T0);
        assertEquals(Outcome.CREATED, first.outcome());
        var again = store.reserve("demo", "session-1", "id-2", choice("b", 200), T0.plusSeconds(5));
        assertEquals(Outcome.UPDATED, again.outcome());
        assertEquals("id-1", again.shipment().id());
        assertEquals("b", again.shipment().choice().optionId());
        assertEquals(200, store.find("demo", "id-1").orElseThrow().choice().price());
        assertTrue(store.find("demo", "id-2").isEmpty());
    }

    @Test
    void sessionsAreScopedPerMerchant() {
        store.reserve("demo", "s", "id-1", choice("a", 1), T0);
        assertEquals(Outcome.CREATED, store.reserve("demo-outlet", "s", "id-2", choice("a", 1), T0).outcome());
        assertTrue(store.find("demo-outlet", "id-1").isEmpty());
    }

    @Test
    void confirmIsIdempotentAndFreezesTheChoice() {
        store.reserve("demo", "s", "id-1", choice("a", 1), T0);
        assertEquals(Outcome.UPDATED, store.confirm("demo", "id-1", T0.plusSeconds(1)).outcome());
        var repeat = store.confirm("demo", "id-1", T0.plusSeconds(2));
        assertEquals(Outcome.UNCHANGED, repeat.outcome());
        assertEquals(T0.plusSeconds(1), repeat.shipment().confirmedAt());
        assertEquals(Outcome.REFUSED, store.change("demo", "id-1", choice("b", 2), T0).outcome());
        assertEquals(Outcome.REFUSED, store.reserve("demo", "s", "id-9", choice("b", 2), T0).outcome());
        assertEquals(Outcome.NOT_FOUND, store.confirm("demo-outlet", "id-1", T0).outcome());
    }

    @Test
    void unconfirmedReservationsExpireAndAreRevivedByANewChoice() {
        store.reserve("demo", "old", "id-old", choice("a", 1), T0);
        store.reserve("demo", "new", "id-new", choice("a", 1), T0.plus(Duration.ofMinutes(50)));
        assertEquals(1, store.expireUnconfirmed(T0.plus(Duration.ofMinutes(30))));
        assertEquals(ShipmentStatus.EXPIRED, store.find("demo", "id-old").orElseThrow().status());
        assertEquals(ShipmentStatus.RESERVED, store.find("demo", "id-new").orElseThrow().status());
        var revived = store.reserve("demo", "old", "x", choice("b", 1), T0.plus(Duration.ofMinutes(61)));
        assertEquals(ShipmentStatus.RESERVED, revived.shipment().status());
        assertEquals("id-old", revived.shipment().id());
    }

    @Test
    void bookingMovesForwardOnlyAfterConfirmation() {
        store.reserve("demo", "s", "id-1", choice("a", 1), T0);
        var update = new BookingUpdate(ShipmentStatus.BOOKED, new Tracking("PN123", "https://t.example/PN123"), "Booked");
        assertEquals(Outcome.REFUSED, store.recordBooking("demo", "id-1", update, T0).outcome());
        store.confirm("demo", "id-1", T0);
        Shipment booked = store.recordBooking("demo", "id-1", update, T0).shipment();
        assertEquals(ShipmentStatus.BOOKED, booked.status());
        assertEquals("PN123", booked.tracking().number());
        Shipment shipped = store.recordBooking("demo", "id-1", new BookingUpdate(ShipmentStatus.SHIPPED, null, null), T0).shipment();
        assertEquals("PN123", shipped.tracking().number(), "tracking is kept when not repeated");
        assertEquals("Booked", shipped.additionalInfo());
        assertEquals(Outcome.REFUSED, store.recordBooking("demo", "id-1", new BookingUpdate(ShipmentStatus.BOOKED, null, null), T0).outcome());
        assertEquals(Outcome.REFUSED, store.recordBooking("demo", "id-1", new BookingUpdate(ShipmentStatus.CANCELLED, null, null), T0).outcome());
    }

    @Test
    void listsByStatusAndTimeInPages() {
        for (int i = 0; i < 5; i++) store.reserve("demo", "s" + i, "id-" + i, choice("a", 1), T0.plusSeconds(i));
        store.confirm("demo", "id-0", T0.plusSeconds(10));
        store.reserve("demo-outlet", "x", "other", choice("a", 1), T0);
        List<Shipment> reserved = store.list(new ShipmentQuery("demo", ShipmentStatus.RESERVED, null, null, null, null, 10, null));
        assertEquals(List.of("id-4", "id-3", "id-2", "id-1"), reserved.stream().map(Shipment::id).toList());
        List<Shipment> page1 = store.list(new ShipmentQuery("demo", null, null, null, null, null, 2, null));
        assertEquals(List.of("id-0", "id-4"), page1.stream().map(Shipment::id).toList());
        Shipment last = page1.getLast();
        List<Shipment> page2 = store.list(new ShipmentQuery("demo", null, null, null, null, null, 2, new ShipmentQuery.Cursor(last.updatedAt(), last.id())));
        assertEquals(List.of("id-3", "id-2"), page2.stream().map(Shipment::id).toList());
        List<Shipment> window = store.list(new ShipmentQuery("demo", null, null, null, T0.plusSeconds(1), T0.plusSeconds(3), 10, null));
        assertEquals(List.of("id-2", "id-1"), window.stream().map(Shipment::id).toList());
    }

    @Test
    void concurrentDuplicateReservationsMakeOneRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 20; round++) {
                String session = "race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                Set<String> ids = ConcurrentHashMap.newKeySet();
                var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int t = 0; t < 16; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        ids.add(store.reserve("demo", session, UUID.randomUUID().toString(), choice("a", 1), T0).shipment().id());
                        return null;
                    }));
                }
                start.countDown();
                for (var f : futures) f.get(10, TimeUnit.SECONDS);
                assertEquals(1, ids.size(), "round " + round);
            }
            assertEquals(20, store.list(new ShipmentQuery("demo", null, null, null, null, null, 500, null)).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentConfirmsAndChangesNeverInterleave() throws Exception {
        // Changes race a confirm on the same shipment: whatever wins, a confirmed shipment keeps the
        // choice it had when it was confirmed (no change is applied after the confirm decided).
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String id = "cc-" + round;
                store.reserve("demo", "cc-session-" + round, id, choice("a", 1), T0);
                CountDownLatch start = new CountDownLatch(1);
                var futures = new java.util.ArrayList<java.util.concurrent.Future<dev.leverans.shipments.StoreResult>>();
                for (int t = 0; t < 7; t++) {
                    long price = 100 + t;
                    futures.add(pool.submit(() -> { start.await(); return store.change("demo", id, choice("b", price), T0); }));
                }
                var confirm = pool.submit(() -> { start.await(); return store.confirm("demo", id, T0.plusSeconds(1)); });
                start.countDown();
                long confirmedPrice = confirm.get(10, TimeUnit.SECONDS).shipment().choice().price();
                for (var f : futures) f.get(10, TimeUnit.SECONDS);
                assertEquals(confirmedPrice, store.find("demo", id).orElseThrow().choice().price(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBookingDataIsKeptAndTheRecipientForgottenOnceTheShipmentIsOver() {
        store.reserve("demo", "s-1", "id-1", choice("a", 1), T0);
        store.reserve("demo", "s-2", "id-2", choice("a", 1), T0);
        assertEquals(BOOKING, store.find("demo", "id-1").orElseThrow().choice().booking());
        store.expireUnconfirmed(T0.plusSeconds(1));
        store.confirm("demo", "id-2", T0); // expired does not touch a confirmed one
        assertEquals(0, store.forgetRecipients(Set.of(ShipmentStatus.EXPIRED), T0), "changed at T0, not before");
        assertEquals(1, store.forgetRecipients(Set.of(ShipmentStatus.EXPIRED, ShipmentStatus.DELIVERED), T0.plusSeconds(60)));
        Booking forgotten = store.find("demo", "id-1").orElseThrow().choice().booking();
        assertNull(forgotten.recipient());
        assertEquals(BOOKING.parcel(), forgotten.parcel());
        assertEquals(BOOKING.lines(), forgotten.lines());
        assertEquals("K-order-1", forgotten.klarnaOrderId());
        assertEquals(ANNA, store.find("demo", "id-2").orElseThrow().choice().booking().recipient());
    }

    @Test
    void dataSurvivesReopening() {
        store.reserve("demo", "s", "id-1", choice("a", 42), T0);
        store.close();
        store = new SqlShipmentStore(openDatabase(), Json.mapper());
        assertEquals(42, store.find("demo", "id-1").orElseThrow().choice().price());
        assertNull(store.find("demo", "id-1").orElseThrow().tracking());
        store.checkHealth();
    }
}
