package dev.leverans.storage;

import dev.leverans.shipments.Booking;
import dev.leverans.shipments.BookingUpdate;
import dev.leverans.shipments.ReservedChoice;
import dev.leverans.shipments.Shipment;
import dev.leverans.shipments.ShipmentQuery;
import dev.leverans.shipments.ShipmentStatus;
import dev.leverans.shipments.ShipmentStore;
import dev.leverans.shipments.StoreResult;
import dev.leverans.shipments.StoreResult.Outcome;
import dev.leverans.shipments.Tracking;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * Shipments in portable SQL. Each write is one unit of work; a row it reads to decide on is read
 * {@link Database#forUpdate locked}, so the decision (the status rules of {@link ShipmentStatus})
 * and the update it leads to cannot interleave with another instance's on the same shipment.
 */
public final class SqlShipmentStore implements ShipmentStore {
    private static final String COLUMNS = "id, merchant_id, session_id, status, option_id, option_type, carrier, method, "
            + "currency, price, option_json, config_version, tracking_number, tracking_url, additional_info, created_at, updated_at, confirmed_at, "
            + "booking_json, recipient_json";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM shipment WHERE merchant_id = ? AND id = ?";
    private static final String BY_SESSION = "SELECT " + COLUMNS + " FROM shipment WHERE merchant_id = ? AND session_id = ?";
    private static final String SET_CHOICE = "UPDATE shipment SET status = 'reserved', option_id = ?, option_type = ?, "
            + "carrier = ?, method = ?, currency = ?, price = ?, option_json = ?, config_version = ?, booking_json = ?, recipient_json = ?, "
            + "updated_at = ? WHERE id = ?";

    private final Database database;
    private final ObjectMapper json;
    private final String byIdLocked;
    private final String bySessionLocked;

    public SqlShipmentStore(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
        this.byIdLocked = BY_ID + database.forUpdate();
        this.bySessionLocked = BY_SESSION + database.forUpdate();
    }

    @Override
    public StoreResult reserve(String merchantId, String sessionId, String newId, ReservedChoice choice, Instant now) {
        return database.write(c -> {
            int inserted = update(c, "INSERT INTO shipment (id, merchant_id, session_id, status, option_id, option_type, "
                    + "carrier, method, currency, price, option_json, config_version, booking_json, recipient_json, created_at, updated_at) "
                    + "VALUES (?, ?, ?, 'reserved', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (merchant_id, session_id) DO NOTHING",
                    newId, merchantId, sessionId, choice.optionId(), choice.optionType(), choice.carrier(), choice.method(),
                    choice.currency(), choice.price(), choice.optionJson(), choice.configVersion(), bookingJson(choice),
                    recipientJson(choice), now.toEpochMilli(), now.toEpochMilli());
            Shipment existing = one(c, bySessionLocked, merchantId, sessionId).orElseThrow();
            if (inserted == 1) return new StoreResult(Outcome.CREATED, existing);
            return storeChoice(c, existing, choice, now);
        });
    }

    @Override
    public StoreResult change(String merchantId, String id, ReservedChoice choice, Instant now) {
        return database.write(c -> {
            Optional<Shipment> existing = one(c, byIdLocked, merchantId, id);
            return existing.isEmpty() ? StoreResult.notFound() : storeChoice(c, existing.get(), choice, now);
        });
    }

    private StoreResult storeChoice(Connection c, Shipment existing, ReservedChoice choice, Instant now) throws SQLException {
        if (!existing.status().acceptsNewChoice()) return new StoreResult(Outcome.REFUSED, existing);
        update(c, SET_CHOICE, choice.optionId(), choice.optionType(), choice.carrier(), choice.method(), choice.currency(),
                choice.price(), choice.optionJson(), choice.configVersion(), bookingJson(choice), recipientJson(choice),
                now.toEpochMilli(), existing.id());
        return new StoreResult(Outcome.UPDATED, one(c, BY_ID, existing.merchantId(), existing.id()).orElseThrow());
    }

    @Override
    public StoreResult confirm(String merchantId, String id, Instant now) {
        return database.write(c -> {
            Optional<Shipment> existing = one(c, byIdLocked, merchantId, id);
            if (existing.isEmpty()) return StoreResult.notFound();
            Shipment s = existing.get();
            if (s.status().confirmed() == s.status()) return new StoreResult(Outcome.UNCHANGED, s);
            update(c, "UPDATE shipment SET status = 'confirmed', confirmed_at = ?, updated_at = ? WHERE id = ?",
                    now.toEpochMilli(), now.toEpochMilli(), id);
            return new StoreResult(Outcome.UPDATED, one(c, BY_ID, merchantId, id).orElseThrow());
        });
    }

    @Override
    public StoreResult recordBooking(String merchantId, String id, BookingUpdate u, Instant now) {
        return database.write(c -> {
            Optional<Shipment> existing = one(c, byIdLocked, merchantId, id);
            if (existing.isEmpty()) return StoreResult.notFound();
            if (!existing.get().status().mayAdvanceTo(u.status())) return new StoreResult(Outcome.REFUSED, existing.get());
            Tracking t = u.tracking() != null ? u.tracking() : existing.get().tracking();
            update(c, "UPDATE shipment SET status = ?, tracking_number = ?, tracking_url = ?, "
                            + "additional_info = COALESCE(?, additional_info), updated_at = ? WHERE id = ?",
                    u.status().wireName(), t == null ? null : t.number(), t == null ? null : t.url(),
                    u.additionalInfo(), now.toEpochMilli(), id);
            return new StoreResult(Outcome.UPDATED, one(c, BY_ID, merchantId, id).orElseThrow());
        });
    }

    @Override
    public Optional<Shipment> find(String merchantId, String id) {
        return read(c -> one(c, BY_ID, merchantId, id));
    }

    @Override
    public List<Shipment> list(ShipmentQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM shipment WHERE merchant_id = ?");
        List<Object> args = new ArrayList<>(List.of(q.merchantId()));
        if (q.status() != null) { sql.append(" AND status = ?"); args.add(q.status().wireName()); }
        if (q.carrier() != null) { sql.append(" AND carrier = ?"); args.add(q.carrier()); }
        if (q.optionId() != null) { sql.append(" AND option_id = ?"); args.add(q.optionId()); }
        if (q.changedFrom() != null) { sql.append(" AND updated_at >= ?"); args.add(q.changedFrom().toEpochMilli()); }
        if (q.changedTo() != null) { sql.append(" AND updated_at < ?"); args.add(q.changedTo().toEpochMilli()); }
        if (q.after() != null) {
            sql.append(" AND (updated_at < ? OR (updated_at = ? AND id < ?))");
            long at = q.after().updatedAt().toEpochMilli();
            args.add(at); args.add(at); args.add(q.after().id());
        }
        sql.append(" ORDER BY updated_at DESC, id DESC LIMIT ?");
        args.add(q.limit());
        return read(c -> all(c, sql.toString(), args.toArray()));
    }

    @Override
    public int expireUnconfirmed(Instant lastChangeBefore) {
        return database.write(c -> update(c,
                "UPDATE shipment SET status = 'expired' WHERE status = 'reserved' AND updated_at < ?",
                lastChangeBefore.toEpochMilli()));
    }

    @Override
    public int deleteOlder(ShipmentStatus status, Instant changedBefore, int limit) {
        return database.write(c -> update(c, "DELETE FROM shipment WHERE id IN (SELECT id FROM shipment "
                + "WHERE status = ? AND updated_at < ? ORDER BY updated_at LIMIT ?)", status.wireName(), changedBefore.toEpochMilli(), limit));
    }

    @Override
    public int forgetRecipients(Set<ShipmentStatus> statuses, Instant changedBefore) {
        if (statuses.isEmpty()) return 0;
        List<Object> args = new ArrayList<>();
        for (ShipmentStatus s : statuses) args.add(s.wireName());
        args.add(changedBefore.toEpochMilli());
        String marks = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        return database.write(c -> update(c, "UPDATE shipment SET recipient_json = NULL WHERE recipient_json IS NOT NULL AND status IN ("
                + marks + ") AND updated_at < ?", args.toArray()));
    }

    @Override
    public void checkHealth() {
        read(c -> all(c, "SELECT " + COLUMNS + " FROM shipment LIMIT 0"));
        database.checkWritable();
    }

    @Override
    public void close() {
        database.close();
    }

    private <T> T read(Database.Work<T> work) {
        return database.read(work);
    }

    private Optional<Shipment> one(Connection c, String sql, Object... args) {
        List<Shipment> rows = all(c, sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private List<Shipment> all(Connection c, String sql, Object... args) {
        return Jdbc.query(c, sql, this::shipment, args);
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        return Jdbc.update(c, sql, args);
    }

    private String bookingJson(ReservedChoice choice) {
        return choice.booking() == null ? null : json.writeValueAsString(choice.booking().withoutRecipient());
    }

    private String recipientJson(ReservedChoice choice) {
        return choice.booking() == null || choice.booking().recipient() == null ? null : json.writeValueAsString(choice.booking().recipient());
    }

    private Booking booking(ResultSet rs) throws SQLException {
        String stored = rs.getString("booking_json");
        if (stored == null) return null;
        Booking booking = json.readValue(stored, Booking.class);
        String recipient = rs.getString("recipient_json");
        return recipient == null ? booking
                : new Booking(json.readValue(recipient, Booking.Recipient.class), booking.parcel(), booking.lines(), booking.klarnaOrderId());
    }

    private Shipment shipment(ResultSet rs) throws SQLException {
        String trackingNumber = rs.getString("tracking_number");
        long confirmedAt = rs.getLong("confirmed_at");
        Instant confirmed = rs.wasNull() ? null : Instant.ofEpochMilli(confirmedAt);
        return new Shipment(rs.getString("id"), rs.getString("merchant_id"), rs.getString("session_id"),
                ShipmentStatus.fromWire(rs.getString("status")),
                new ReservedChoice(rs.getString("option_id"), rs.getString("option_type"), rs.getString("carrier"),
                        rs.getString("method"), rs.getString("currency"), rs.getLong("price"), rs.getString("option_json"),
                        rs.getInt("config_version"), booking(rs)),
                trackingNumber == null ? null : new Tracking(trackingNumber, rs.getString("tracking_url")),
                rs.getString("additional_info"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), confirmed);
    }
}
