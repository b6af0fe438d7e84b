package dev.leverans.config;

import dev.leverans.rules.RequestLimits;
import dev.leverans.secrets.Secret;
import dev.leverans.secrets.SigningKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The server settings file ({@code config/leverans.yaml}). {@code LEVERANS_PORT} and
 * {@code LEVERANS_DATA_DIR} override port and data directory. The merchants directory is relative
 * to the settings file, the data directory to the working directory.
 */
public record ServerConfig(String host, int port, String basePath, String publicBaseUrl, int shutdownGraceSeconds, StorageSettings storage,
                           List<SigningKey> tokenSigningKeys, long tokenTtlSeconds, String tokenIssuer,
                           long reservationTtlMinutes, Map<String, Integer> retentionDays, int recipientRetentionDays, Path merchantsDir, KlarnaClient klarnaClient, Klarna klarna,
                           boolean accessLog, RequestLimits merchantLimits, List<AddressRange> trustedProxies,
                           int merchantLabels) {

    /**
     * How the order-management module calls Klarna: attempts per call, first backoff, timeout, and
     * how long an instance's claim on a call it sends lasts (another instance replays it after that).
     */
    public record KlarnaClient(int attempts, long backoffMillis, long timeoutSeconds, long claimSeconds) {}

    /**
     * How the callbacks speak to Klarna: the wire name of each option type (our type -> Klarna's),
     * and how many recent requests per merchant are kept for {@code GET /merchant/klarna-requests}.
     */
    public record Klarna(Map<String, String> optionTypes, int capturedRequests) {
        public static final Map<String, String> DEFAULT_OPTION_TYPES = Map.of("home", "delivery-address",
                "letter", "delivery-address", "pickup_point", "pickup-point", "in_store", "pickup-point", "locker", "pickup-box");
        public static final int DEFAULT_CAPTURED_REQUESTS = 200;

        public Klarna {
            Map<String, String> merged = new HashMap<>(DEFAULT_OPTION_TYPES);
            if (optionTypes != null) merged.putAll(optionTypes);
            optionTypes = Map.copyOf(merged);
        }
    }

    record File(Server server, StorageFile storage, Auth auth, Shipments shipments, Merchants merchants,
                KlarnaClientFile orderManagement, KlarnaFile klarna, Logging logging, Metrics metrics) {}
    record Metrics(Integer merchantLabels) {}
    /** Merchants with their own label in metrics unless the settings say otherwise; later ones are "other". */
    public static final int DEFAULT_MERCHANT_LABELS = 100;
    record Logging(Boolean accessLog) {}
    record KlarnaFile(Map<String, String> optionTypes, Integer capturedRequests) {}
    record KlarnaClientFile(Integer attempts, Long backoffMillis, Long timeoutSeconds, Long claimSeconds) {}
    record Server(String host, Integer port, String basePath, String publicBaseUrl, Integer shutdownGraceSeconds, String trustedProxies) {}
    record StorageFile(String type, String dataDir, Boolean init, String url, String user, String password, Integer poolSize) {}
    record Auth(String tokenSigningKey, String tokenSigningKeys, Long tokenTtlSeconds, String issuer) {}
    record Shipments(Long reservationTtlMinutes, Map<String, Integer> retentionDays, Integer recipientRetentionDays) {}

    /** Days a shipment is kept after its last change, by status; statuses not named are kept. */
    public static final Map<String, Integer> DEFAULT_RETENTION_DAYS = Map.of("expired", 7, "delivered", 180, "cancelled", 180);
    record Merchants(String directory, RequestLimits defaultLimits) {}

    public static ServerConfig load(Path file, Function<String, String> env) {
        ConfigDocuments documents = new ConfigDocuments(new EnvSubstitution(env));
        File f = documents.bind(documents.read(file, "server.schema.json"), File.class, file);
        String portOverride = env.apply("LEVERANS_PORT");
        int port = f.server().port();
        if (portOverride != null && !portOverride.isBlank()) {
            try {
                port = Integer.parseInt(portOverride.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("LEVERANS_PORT: '" + portOverride + "' is not a port number");
            }
            if (port < 0 || port > 65535) throw new ConfigException("LEVERANS_PORT: " + port + " is not a port number");
        }
        Auth auth = f.auth() == null ? new Auth(null, null, null, null) : f.auth();
        Path base = file.toAbsolutePath().getParent();
        return new ServerConfig(
                orDefault(f.server().host(), "0.0.0.0"), port, orDefault(f.server().basePath(), "/ksa"),
                stripTrailingSlash(orDefault(f.server().publicBaseUrl(), "")),
                f.server().shutdownGraceSeconds() == null ? 10 : f.server().shutdownGraceSeconds(), storage(f.storage(), env),
                signingKeys(auth), auth.tokenTtlSeconds() == null ? 3600 : auth.tokenTtlSeconds(),
                orDefault(auth.issuer(), "leverans"),
                f.shipments() == null || f.shipments().reservationTtlMinutes() == null ? 60 : f.shipments().reservationTtlMinutes(),
                retentionDays(f.shipments()),
                f.shipments() == null || f.shipments().recipientRetentionDays() == null ? 30 : f.shipments().recipientRetentionDays(),
                base.resolve(f.merchants().directory()), klarnaClient(f.orderManagement()), klarna(f.klarna()),
                f.logging() == null || f.logging().accessLog() == null || f.logging().accessLog(),
                merchantLimits(f.merchants().defaultLimits()),
                trustedProxies(f.server().trustedProxies()),
                f.metrics() == null || f.metrics().merchantLabels() == null ? DEFAULT_MERCHANT_LABELS : f.metrics().merchantLabels());
    }

    /** These settings with {@code --init}: a missing database is created even where one was before. */
    public ServerConfig withInitStorage() {
        return new ServerConfig(host, port, basePath, publicBaseUrl, shutdownGraceSeconds, storage.withInit(), tokenSigningKeys,
                tokenTtlSeconds, tokenIssuer, reservationTtlMinutes, retentionDays, recipientRetentionDays, merchantsDir, klarnaClient, klarna, accessLog,
                merchantLimits, trustedProxies, merchantLabels);
    }

    /** The SQLite data directory ({@code LEVERANS_DATA_DIR} wins), or PostgreSQL's URL, user and password. */
    private static StorageSettings storage(StorageFile f, Function<String, String> env) {
        String dataDirOverride = env.apply("LEVERANS_DATA_DIR");
        String dataDir = dataDirOverride != null && !dataDirOverride.isBlank() ? dataDirOverride : f.dataDir();
        String type = orDefault(f.type(), "sqlite");
        if (type.equals("sqlite")) return new StorageSettings(StorageSettings.Type.SQLITE, Path.of(dataDir), Boolean.TRUE.equals(f.init()), null);
        String url = orDefault(f.url(), "");
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("storage.url: storage.type postgresql needs a JDBC URL such as jdbc:postgresql://db:5432/leverans"
                    + " (LEVERANS_DB_URL in the demo settings)" + (url.isEmpty() ? "; it is empty" : "; '" + url + "' is not one"));
        }
        return new StorageSettings(StorageSettings.Type.POSTGRESQL, Path.of(dataDir), false, new DatabaseSettings(url,
                blankToNull(f.user()), blankToNull(f.password()), f.poolSize() == null ? 16 : f.poolSize()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The id a single {@code token_signing_key} signs with. */
    public static final String SINGLE_KEY_ID = "default";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * {@code token_signing_keys} ({@code kid:key,kid:key}, the first signs, all verify) wins over the
     * single {@code token_signing_key}; neither gives none (a random key per process).
     */
    private static List<SigningKey> signingKeys(Auth auth) {
        String list = orDefault(auth.tokenSigningKeys(), "");
        if (list.isEmpty()) {
            String single = orDefault(auth.tokenSigningKey(), "");
            return single.isEmpty() ? List.of() : List.of(new SigningKey(SINGLE_KEY_ID, new Secret(single)));
        }
        List<SigningKey> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        String[] entries = list.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            int colon = entries[i].indexOf(':');
            String kid = colon < 0 ? "" : entries[i].substring(0, colon);
            String key = entries[i].substring(colon + 1);
            // The message names the entry by position and key id, never the key.
            if (!KEY_ID.matcher(kid).matches() || key.length() < 32) {
                throw new ConfigException("auth.token_signing_keys: entry " + (i + 1) + " must be kid:key (kid: 1-64 letters, "
                        + "digits, '.', '_' or '-'; key: 32 or more characters, no comma), pairs separated by commas, the first signing");
            }
            if (!kids.add(kid)) throw new ConfigException("auth.token_signing_keys: key id '" + kid + "' is used twice");
            keys.add(new SigningKey(kid, new Secret(key)));
        }
        return List.copyOf(keys);
    }

    /** {@code server.trusted_proxies}: addresses and CIDR ranges separated by commas. */
    private static List<AddressRange> trustedProxies(String list) {
        if (list == null || list.isBlank()) return List.of();
        return Arrays.stream(list.split(",")).map(r -> AddressRange.parse(r, "server.trusted_proxies")).toList();
    }

    /** The limits of a merchant whose rule table sets none; 0 or absent: no limit. */
    private static RequestLimits merchantLimits(RequestLimits set) {
        return set == null ? RequestLimits.UNLIMITED : set.over(RequestLimits.UNLIMITED);
    }

    private static Map<String, Integer> retentionDays(Shipments s) {
        Map<String, Integer> days = new HashMap<>(DEFAULT_RETENTION_DAYS);
        if (s != null && s.retentionDays() != null) days.putAll(s.retentionDays());
        return Map.copyOf(days);
    }

    private static Klarna klarna(KlarnaFile f) {
        if (f == null) return new Klarna(null, Klarna.DEFAULT_CAPTURED_REQUESTS);
        return new Klarna(f.optionTypes(), f.capturedRequests() == null ? Klarna.DEFAULT_CAPTURED_REQUESTS : f.capturedRequests());
    }

    private static KlarnaClient klarnaClient(KlarnaClientFile f) {
        if (f == null) return new KlarnaClient(4, 200, 10, 120);
        KlarnaClient client = new KlarnaClient(f.attempts() == null ? 4 : f.attempts(), f.backoffMillis() == null ? 200 : f.backoffMillis(),
                f.timeoutSeconds() == null ? 10 : f.timeoutSeconds(), f.claimSeconds() == null ? 120 : f.claimSeconds());
        if (client.claimSeconds() <= client.attempts() * client.timeoutSeconds()) {
            throw new ConfigException("order_management.claim_seconds: " + client.claimSeconds() + " must be more than attempts × timeout_seconds ("
                    + client.attempts() * client.timeoutSeconds() + "), or another instance could replay a call still being sent");
        }
        return client;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
