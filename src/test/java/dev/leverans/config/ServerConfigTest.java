package dev.leverans.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.DemoConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void theDemoBindsLoopbackUnlessTold() throws IOException {
        Path file = settings("  base_path: /ksa");
        assertEquals("127.0.0.1", ServerConfig.load(file, Map.<String, String>of()::get).host());
        assertEquals("0.0.0.0", ServerConfig.load(file, Map.of("LEVERANS_HOST", "0.0.0.0")::get).host());
    }
}
