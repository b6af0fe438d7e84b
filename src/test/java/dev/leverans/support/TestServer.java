package dev.leverans.support;

import dev.leverans.Leverans;
import dev.leverans.config.ServerConfig;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The real server on the bundled demo configuration, on a random loopback port and a fresh data directory. */
public final class TestServer implements AutoCloseable {
    public static final String SIGNING_KEY = "test-signing-key-0123456789abcdef0123456789";
    /** Wednesday 2026-11-18 10:00 Stockholm: a business day before every cut-off. */
    public static final Instant WEDNESDAY_MORNING = Instant.parse("2026-11-18T09:00:00Z");

    public final MutableClock clock = new MutableClock(WEDNESDAY_MORNING);
    public final Path dataDir;
    /** The loopback port it listens on (also set as RestAssured's default when it starts). */
    public final int port;
    private final Leverans leverans;

    public TestServer(Map<String, String> extraEnv) {
        this(extraEnv, newDataDir());
    }

    /** A server on an existing data directory, e.g. to restart after a simulated crash. */
    public TestServer(Map<String, String> extraEnv, Path dataDir) {
        this(extraEnv, dataDir, DemoConfig.SERVER_FILE);
    }

    /** A server on the demo merchants with the demo server settings changed by {@code edit}. */
    public static TestServer withSettings(UnaryOperator<String> edit) {
        try {
            Path dir = newDataDir();
            String settings = Files.readString(DemoConfig.SERVER_FILE)
                    .replace("directory: merchants", "directory: " + DemoConfig.MERCHANTS.toAbsolutePath());
            Path file = Files.writeString(dir.resolve("leverans.yaml"), edit.apply(settings));
            return new TestServer(Map.of(), dir, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestServer(Map<String, String> extraEnv, Path dataDir, Path settingsFile) {
        this.dataDir = dataDir;
        Map<String, String> env = new HashMap<>(Map.of("LEVERANS_PORT", "0", "LEVERANS_HOST", "127.0.0.1",
                "LEVERANS_DATA_DIR", dataDir.toString(), "LEVERANS_TOKEN_SIGNING_KEY", SIGNING_KEY,
                "LEVERANS_OM_BACKOFF_MILLIS", "5", "LEVERANS_MERCHANT_RPS", "0", "LEVERANS_MERCHANT_CONCURRENCY", "0"));
        env.putAll(extraEnv);
        ServerConfig config = ServerConfig.load(settingsFile, env::get);
        this.leverans = new Leverans(config, env::get, clock);
        this.port = leverans.start();
        RestAssured.port = port;
        RestAssured.baseURI = "http://127.0.0.1";
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory(Path.of("target"), "data-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestServer() {
        this(Map.of());
    }

    public Leverans leverans() { return leverans; }

    @Override
    public void close() {
        leverans.close();
    }
}
