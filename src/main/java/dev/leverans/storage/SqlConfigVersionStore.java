package dev.leverans.storage;

import dev.leverans.config.ConfigProblem;
import dev.leverans.config.DatabaseSettings;
import dev.leverans.config.StorageSettings;
import dev.leverans.merchants.ConfigVersion;
import dev.leverans.merchants.ConfigVersionStore;
import dev.leverans.merchants.TestCart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Configuration versions in the reservation database (portable SQL). */
public final class SqlConfigVersionStore implements ConfigVersionStore {
    private static final String COLUMNS = "merchant_id, number, status, author, comment, created_at, content, problems";
    private static final String ACTIVE = "SELECT " + COLUMNS + " FROM config_version WHERE merchant_id = ? AND status = 'active'";
    private static final String BY_NUMBER = "SELECT " + COLUMNS + " FROM config_version WHERE merchant_id = ? AND number = ?";
    private static final TypeReference<List<ConfigProblem>> PROBLEMS = new TypeReference<>() {};

    /** Where activations are announced to the other instances: the merchant id is the key. */
    public static final String CHANGES = "leverans_config";

    private final Database database;
    private final ObjectMapper json;

    public SqlConfigVersionStore(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Optional<ConfigVersion> active(String merchantId) {
        return first(ACTIVE, merchantId);
    }

    @Override
    public Map<String, Integer> activeNumbers() {
        Map<String, Integer> out = new TreeMap<>();
        database.read(c -> Jdbc.query(c, "SELECT merchant_id, number FROM config_version WHERE status = 'active'",
                rs -> out.put(rs.getString(1), rs.getInt(2))));
        return out;
    }

    @Override
    public AutoCloseable onActivation(Consumer<String> merchantId, Runnable missed) {
        return database.subscribe(CHANGES, merchantId, missed);
    }

    @Override
    public Optional<ConfigVersion> find(String merchantId, int number) {
        return first(BY_NUMBER, merchantId, number);
    }

    @Override
    public List<ConfigVersion> list(String merchantId) {
        return database.read(c -> Jdbc.query(c,
                "SELECT " + COLUMNS + " FROM config_version WHERE merchant_id = ? ORDER BY number DESC", this::version, merchantId));
    }

    @Override
    public Seeded seed(String merchantId, String author, String comment, String content, List<ConfigProblem> problems, Instant at) {
        return database.write(c -> {
            database.lock(c, configKey(merchantId));
            List<ConfigVersion> active = Jdbc.query(c, ACTIVE, this::version, merchantId);
            if (!active.isEmpty()) return new Seeded(active.getFirst(), false);
            ConfigVersion draft = insertDraft(c, merchantId, author, comment, content, problems, at);
            activate(c, merchantId, draft.number(), author, at);
            return new Seeded(Jdbc.query(c, BY_NUMBER, this::version, merchantId, draft.number()).getFirst(), true);
        });
    }

    @Override
    public ConfigVersion addDraft(String merchantId, String author, String comment, String content, List<ConfigProblem> problems,
                                  Instant at) {
        return database.write(c -> {
            database.lock(c, configKey(merchantId));
            return insertDraft(c, merchantId, author, comment, content, problems, at);
        });
    }

    private ConfigVersion insertDraft(Connection c, String merchantId, String author, String comment, String content,
                                      List<ConfigProblem> problems, Instant at) throws SQLException {
        int number = Jdbc.query(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM config_version WHERE merchant_id = ?",
                rs -> rs.getInt(1), merchantId).getFirst();
        Jdbc.update(c, "INSERT INTO config_version (" + COLUMNS + ") VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)",
                merchantId, number, author, comment, at.toEpochMilli(), content, json.writeValueAsString(problems));
        return new ConfigVersion(merchantId, number, ConfigVersion.Status.DRAFT, author, comment, at, content, problems);
    }

    @Override
    public boolean activate(String merchantId, int number, String author, Instant at) {
        return database.write(c -> {
            database.lock(c, configKey(merchantId));
            return activate(c, merchantId, number, author, at);
        });
    }

    private boolean activate(Connection c, String merchantId, int number, String author, Instant at) throws SQLException {
        List<Integer> previous = Jdbc.query(c, "SELECT number FROM config_version WHERE merchant_id = ? AND status = 'active'",
                rs -> rs.getInt(1), merchantId);
        if (Jdbc.update(c, "UPDATE config_version SET status = 'active' WHERE merchant_id = ? AND number = ?", merchantId, number) == 0) {
            return false;
        }
        Integer before = previous.isEmpty() ? null : previous.getFirst();
        if (before != null && before != number) {
            Jdbc.update(c, "UPDATE config_version SET status = 'archived' WHERE merchant_id = ? AND number = ?", merchantId, before);
        }
        int seq = Jdbc.query(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM config_activation WHERE merchant_id = ?",
                rs -> rs.getInt(1), merchantId).getFirst();
        Jdbc.update(c, "INSERT INTO config_activation (merchant_id, seq, number, previous, author, activated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", merchantId, seq, number, before, author, at.toEpochMilli());
        database.announce(c, CHANGES, merchantId);
        return true;
    }

    /** Numbering versions and activations reads the highest number, then inserts: one merchant's at a time. */
    private static String configKey(String merchantId) {
        return "config|" + merchantId;
    }

    @Override
    public List<Activation> activations(String merchantId) {
        return database.read(c -> Jdbc.query(c,
                "SELECT number, previous, author, activated_at FROM config_activation WHERE merchant_id = ? ORDER BY seq DESC",
                rs -> new Activation(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))),
                merchantId));
    }

    @Override
    public void saveTestCart(String merchantId, TestCart cart, Instant at) {
        database.write(c -> Jdbc.update(c, "INSERT INTO config_test_cart (merchant_id, name, cart, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (merchant_id, name) DO UPDATE SET cart = excluded.cart, updated_at = excluded.updated_at",
                merchantId, cart.name(), json.writeValueAsString(cart), at.toEpochMilli()));
    }

    @Override
    public List<TestCart> testCarts(String merchantId) {
        return database.read(c -> Jdbc.query(c, "SELECT cart FROM config_test_cart WHERE merchant_id = ? ORDER BY name",
                rs -> json.readValue(rs.getString(1), TestCart.class), merchantId));
    }

    @Override
    public boolean deleteTestCart(String merchantId, String name) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM config_test_cart WHERE merchant_id = ? AND name = ?",
                merchantId, name)) > 0;
    }

    /**
     * Every merchant's saved test carts, read without the server (nothing migrated; SQLite opened
     * read-only); empty when there is no database or no carts yet.
     */
    public static Map<String, List<TestCart>> savedTestCarts(StorageSettings storage, ObjectMapper json) {
        Map<String, List<TestCart>> out = new TreeMap<>();
        try (Connection c = openForReading(storage)) {
            if (c == null) return out;
            for (String[] row : Jdbc.query(c, "SELECT merchant_id, cart FROM config_test_cart ORDER BY merchant_id, name",
                    rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                out.computeIfAbsent(row[0], id -> new ArrayList<>()).add(json.readValue(row[1], TestCart.class));
            }
        } catch (SQLException | StorageException e) {
            // A database from before test carts existed has none to run.
        }
        return out;
    }

    private static Connection openForReading(StorageSettings storage) throws SQLException {
        if (storage.type() == StorageSettings.Type.POSTGRESQL) {
            DatabaseSettings db = storage.postgresql();
            return DriverManager.getConnection(db.url(), db.user(), db.password());
        }
        Path file = storage.dataDir().resolve(SqliteDatabase.FILE_NAME);
        if (!Files.isRegularFile(file)) return null;
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        return readOnly.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private Optional<ConfigVersion> first(String sql, Object... args) {
        return database.read(c -> Jdbc.query(c, sql, this::version, args)).stream().findFirst();
    }

    private ConfigVersion version(ResultSet rs) throws SQLException {
        return new ConfigVersion(rs.getString(1), rs.getInt(2), ConfigVersion.Status.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7),
                json.readValue(rs.getString(8), PROBLEMS));
    }
}
