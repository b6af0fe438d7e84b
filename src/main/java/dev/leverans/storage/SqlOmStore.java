package dev.leverans.storage;

import dev.leverans.ordermanagement.OmOrder;
import dev.leverans.ordermanagement.OmStore;
import dev.leverans.ordermanagement.OutboxEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.ObjectMapper;

/**
 * Order-management state in the reservation database: orders as JSON documents plus the outbox.
 * An outbox entry is claimed by the instance that sends it ({@code owner}) for {@code claim}; other
 * instances replay it only once that claim has run out.
 */
public final class SqlOmStore implements OmStore {
    private static final String UPSERT = "INSERT INTO om_order (merchant_id, shop_order_id, klarna_order_id, order_json, state, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (merchant_id, shop_order_id) DO UPDATE SET order_json = excluded.order_json, "
            + "state = excluded.state, updated_at = excluded.updated_at";

    private final Database database;
    private final ObjectMapper json;
    private final Clock clock;
    private final String owner;
    private final Duration claim;

    public SqlOmStore(Database database, ObjectMapper json, Clock clock, String owner, Duration claim) {
        this.database = database;
        this.json = json;
        this.clock = clock;
        this.owner = owner;
        this.claim = claim;
    }

    @Override
    public <T> T exclusively(String merchantId, String shopOrderId, Supplier<T> work) {
        return database.exclusively("om|" + merchantId + '|' + shopOrderId, work);
    }

    @Override
    public Optional<OmOrder> find(String merchantId, String shopOrderId) {
        return database.read(c -> orders(c, "SELECT order_json FROM om_order WHERE merchant_id = ? AND shop_order_id = ?",
                merchantId, shopOrderId)).stream().findFirst();
    }

    @Override
    public List<OmOrder> findByKlarnaOrder(String merchantId, String klarnaOrderId) {
        return database.read(c -> orders(c,
                "SELECT order_json FROM om_order WHERE merchant_id = ? AND klarna_order_id = ?", merchantId, klarnaOrderId));
    }

    @Override
    public List<OmOrder> list(String merchantId, String state, String afterShopOrderId, int limit) {
        String after = afterShopOrderId == null ? "" : afterShopOrderId;
        return database.read(c -> state == null
                ? orders(c, "SELECT order_json FROM om_order WHERE merchant_id = ? AND shop_order_id > ? "
                        + "ORDER BY shop_order_id LIMIT ?", merchantId, after, limit)
                : orders(c, "SELECT order_json FROM om_order WHERE merchant_id = ? AND state = ? AND shop_order_id > ? "
                        + "ORDER BY shop_order_id LIMIT ?", merchantId, state, after, limit));
    }

    @Override
    public List<RecordedCall> calls(String merchantId, String shopOrderId) {
        return database.read(c -> Jdbc.query(c, "SELECT entry_json, status, created_at, updated_at FROM om_outbox "
                        + "WHERE merchant_id = ? AND shop_order_id = ? ORDER BY created_at, id",
                rs -> new RecordedCall(json.readValue(rs.getString(1), OutboxEntry.class), rs.getString(2).equals("pending"),
                        Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4))), merchantId, shopOrderId));
    }

    @Override
    public Registered register(String merchantId, String shopOrderId, String klarnaOrderId, Function<String, OmOrder> build) {
        return database.write(c -> {
            // Two registrations of one new shop order id: the second waits and then finds the first.
            database.lock(c, "om-register|" + merchantId + '|' + shopOrderId);
            List<OmOrder> existing = orders(c, "SELECT order_json FROM om_order WHERE merchant_id = ? AND shop_order_id = ?",
                    merchantId, shopOrderId);
            if (!existing.isEmpty()) return new Registered(existing.getFirst(), false);
            Jdbc.update(c, "INSERT INTO om_klarna_primary (merchant_id, klarna_order_id, shop_order_id) VALUES (?, ?, ?) "
                    + "ON CONFLICT (merchant_id, klarna_order_id) DO NOTHING", merchantId, klarnaOrderId, shopOrderId);
            String primary = Jdbc.query(c, "SELECT shop_order_id FROM om_klarna_primary WHERE merchant_id = ? AND klarna_order_id = ?",
                    rs -> rs.getString(1), merchantId, klarnaOrderId).getFirst();
            OmOrder order = build.apply(primary.equals(shopOrderId) ? null : primary);
            upsert(c, order);
            return new Registered(order, true);
        });
    }

    @Override
    public void save(OmOrder o) {
        database.write(c -> upsert(c, o));
    }

    @Override
    public void saveWithPendingCall(OmOrder o, OutboxEntry e) {
        long at = now();
        database.write(c -> {
            upsert(c, o);
            return Jdbc.update(c, "INSERT INTO om_outbox (id, merchant_id, shop_order_id, entry_json, status, created_at, updated_at, "
                    + "claimed_by, claimed_until) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)", e.id(), e.merchantId(), e.shopOrderId(),
                    json.writeValueAsString(e), at, at, owner, at + claim.toMillis());
        });
    }

    @Override
    public void saveWithQueuedCall(OmOrder o, OutboxEntry e) {
        database.write(c -> {
            upsert(c, o);
            return Jdbc.update(c, "UPDATE om_outbox SET claimed_by = NULL, claimed_until = 0, updated_at = ? WHERE id = ?", now(), e.id());
        });
    }

    @Override
    public void saveWithFinishedCall(OmOrder o, OutboxEntry e) {
        database.write(c -> {
            upsert(c, o);
            return Jdbc.update(c, "UPDATE om_outbox SET status = 'done', updated_at = ? WHERE id = ?", now(), e.id());
        });
    }

    @Override
    public boolean isPending(String outboxId) {
        return !database.read(c -> Jdbc.query(c, "SELECT id FROM om_outbox WHERE id = ? AND status = 'pending'",
                rs -> rs.getString(1), outboxId)).isEmpty();
    }

    @Override
    public Optional<OutboxEntry> pendingCall(String merchantId, String shopOrderId) {
        return database.read(c -> Jdbc.query(c,
                "SELECT entry_json FROM om_outbox WHERE merchant_id = ? AND shop_order_id = ? AND status = 'pending' ORDER BY created_at",
                rs -> json.readValue(rs.getString(1), OutboxEntry.class), merchantId, shopOrderId)).stream().findFirst();
    }

    @Override
    public int pendingCallCount() {
        return count("SELECT COUNT(*) FROM om_outbox WHERE status = 'pending'");
    }

    @Override
    public int attentionCount() {
        return count("SELECT COUNT(*) FROM om_order WHERE state = 'attention'");
    }

    private int count(String sql) {
        return database.read(c -> Jdbc.query(c, sql, rs -> rs.getInt(1))).getFirst();
    }

    @Override
    public List<OutboxEntry> claimPendingCalls() {
        List<OutboxEntry> unclaimed = database.read(c -> Jdbc.query(c, "SELECT entry_json FROM om_outbox "
                        + "WHERE status = 'pending' AND claimed_until < ? ORDER BY created_at, id",
                rs -> json.readValue(rs.getString(1), OutboxEntry.class), now()));
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry e : unclaimed) {
            long at = now();
            // Conditional: of several instances replaying at once, exactly one claims each call.
            int won = database.write(c -> Jdbc.update(c, "UPDATE om_outbox SET claimed_by = ?, claimed_until = ? "
                    + "WHERE id = ? AND status = 'pending' AND claimed_until < ?", owner, at + claim.toMillis(), e.id(), at));
            if (won == 1) claimed.add(e);
        }
        return claimed;
    }

    private int upsert(Connection c, OmOrder o) throws SQLException {
        return Jdbc.update(c, UPSERT, o.merchantId(), o.shopOrderId(), o.klarnaOrderId(), json.writeValueAsString(o), o.listedState(), now());
    }

    private List<OmOrder> orders(Connection c, String sql, Object... args) {
        return Jdbc.query(c, sql, rs -> json.readValue(rs.getString(1), OmOrder.class), args);
    }

    private long now() {
        return clock.millis();
    }
}
