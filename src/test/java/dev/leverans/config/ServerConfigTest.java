package dev.leverans.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.secrets.SigningKey;
import dev.leverans.support.DemoConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    private Path settings(String edit) throws IOException {
        String yaml = Files.readString(DemoConfig.SERVER_FILE).replace("directory: merchants",
                "directory: " + DemoConfig.MERCHANTS.toAbsolutePath());
        return Files.writeString(dir.resolve("leverans.yaml"), yaml.replace("  base_path: /ksa", edit));
    }

    @Test
    void aMisspelledKeyIsAnErrorNotIgnored() throws IOException {
        Path file = settings("  basepath: /klarna");
        ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.load(file, Map.<String, String>of()::get));
        assertTrue(e.getMessage().contains("server.basepath: is not a known key"), e.getMessage());
    }

    @Test
    void storageIsSqliteUnlessTheEnvironmentNamesPostgresql() throws IOException {
        Path file = settings("  base_path: /ksa");
        StorageSettings sqlite = ServerConfig.load(file, Map.of("LEVERANS_DATA_DIR", "/tmp/d")::get).storage();
        assertEquals(StorageSettings.Type.SQLITE, sqlite.type());
        assertEquals(Path.of("/tmp/d"), sqlite.dataDir());
        StorageSettings pg = ServerConfig.load(file, Map.of("LEVERANS_STORAGE", "postgresql",
                "LEVERANS_DB_URL", "jdbc:postgresql://db:5432/leverans", "LEVERANS_DB_USER", "lev",
                "LEVERANS_DB_PASSWORD", "pw-not-in-logs")::get).storage();
        assertEquals(StorageSettings.Type.POSTGRESQL, pg.type());
        assertEquals(new DatabaseSettings("jdbc:postgresql://db:5432/leverans", "lev", "pw-not-in-logs", 16), pg.postgresql());
        assertFalse(pg.toString().contains("pw-not-in-logs"), pg.toString());
    }

    @Test
    void postgresqlWithoutAUsableUrlIsNamed() throws IOException {
        Path file = settings("  base_path: /ksa");
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ServerConfig.load(file, Map.of("LEVERANS_STORAGE", "postgresql")::get));
        assertTrue(missing.getMessage().contains("storage.url") && missing.getMessage().contains("empty"), missing.getMessage());
        ConfigException wrong = assertThrows(ConfigException.class, () -> ServerConfig.load(file,
                Map.of("LEVERANS_STORAGE", "postgresql", "LEVERANS_DB_URL", "postgres://db/leverans")::get));
        assertTrue(wrong.getMessage().contains("'postgres://db/leverans' is not one"), wrong.getMessage());
        ConfigException type = assertThrows(ConfigException.class,
                () -> ServerConfig.load(file, Map.of("LEVERANS_STORAGE", "postgres")::get));
        assertTrue(type.getMessage().contains("storage.type"), type.getMessage());
    }

    @Test
    void anOutboxClaimShorterThanACallIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("claim.yaml"), Files.readString(settings("  base_path: /ksa"))
                .replace("claim_seconds: 120", "claim_seconds: 30"));
        ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.load(file, Map.<String, String>of()::get));
        assertTrue(e.getMessage().contains("order_management.claim_seconds: 30 must be more than attempts × timeout_seconds (40)"),
                e.getMessage());
    }

    @Test
    void theDemoBindsLoopbackUnlessTold() throws IOException {
        Path file = settings("  base_path: /ksa");
        assertEquals("127.0.0.1", ServerConfig.load(file, Map.<String, String>of()::get).host());
        assertEquals("0.0.0.0", ServerConfig.load(file, Map.of("LEVERANS_HOST", "0.0.0.0")::get).host());
    }

    @Test
    void severalSigningKeysWinOverTheSingleOneAndKeepTheirOrder() throws IOException {
        Path file = settings("  base_path: /ksa");
        String one = "0123456789abcdef0123456789abcdef", two = "fedcba9876543210fedcba9876543210:x";
        ServerConfig single = ServerConfig.load(file, Map.of("LEVERANS_TOKEN_SIGNING_KEY", one)::get);
        assertEquals(List.of("default"), single.tokenSigningKeys().stream().map(SigningKey::kid).toList());
        ServerConfig both = ServerConfig.load(file, Map.of("LEVERANS_TOKEN_SIGNING_KEY", one,
                "LEVERANS_TOKEN_SIGNING_KEYS", "kid2:" + two + ",kid1:" + one)::get);
        assertEquals(List.of("kid2", "kid1"), both.tokenSigningKeys().stream().map(SigningKey::kid).toList());
        assertTrue(both.tokenSigningKeys().getFirst().key().equalsPlain(two), "a key may hold a colon");
        assertTrue(ServerConfig.load(file, Map.<String, String>of()::get).tokenSigningKeys().isEmpty());
    }

    @Test
    void badSigningKeysAreNamedWithoutShowingTheKey() throws IOException {
        Path file = settings("  base_path: /ksa");
        String key = "0123456789abcdef0123456789abcdef";
        for (String bad : List.of("kid1:short", key, "kid1:" + key + ",", "k 1:" + key)) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ServerConfig.load(file, Map.of("LEVERANS_TOKEN_SIGNING_KEYS", bad)::get));
            assertTrue(e.getMessage().contains("auth.token_signing_keys: entry ") && e.getMessage().contains(" must be kid:key"), e.getMessage());
            assertFalse(e.getMessage().contains("short") || e.getMessage().contains(key), e.getMessage());
        }
        ConfigException twice = assertThrows(ConfigException.class,
                () -> ServerConfig.load(file, Map.of("LEVERANS_TOKEN_SIGNING_KEYS", "k1:" + key + ",k1:" + key)::get));
        assertTrue(twice.getMessage().contains("key id 'k1' is used twice"), twice.getMessage());
    }
}
