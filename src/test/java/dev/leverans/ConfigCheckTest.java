package dev.leverans;

import static dev.leverans.support.Klarna.optionsRequest;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.DemoConfig;
import dev.leverans.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {
    @TempDir
    Path dir;

    private record Run(int exit, String output) {}

    private static Run check(Path dataDir, Path merchants) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ConfigCheck(Map.of("LEVERANS_DATA_DIR", dataDir.toString())::get, new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(DemoConfig.SERVER_FILE, merchants);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    private Path merchants(String from, String to) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("merchants"));
        for (String file : new String[] {"demo.yaml", "demo-outlet.yaml", "demo.locations.json"}) {
            Files.writeString(copy.resolve(file), Files.readString(DemoConfig.MERCHANTS.resolve(file)).replace(from, to));
        }
        return copy;
    }

    @Test
    void theSavedTestCartsRunAgainstTheCheckedFilesWithoutAServer() throws IOException {
        Path data;
        try (TestServer server = new TestServer()) {
            data = server.dataDir;
            given().header("X-Api-Key", "demo-merchant-api-key").contentType("application/json")
                    .body(Map.of("request", optionsRequest("check-1"), "at", "2026-12-02T10:00:00Z"))
                    .put("/merchant/config/test-carts/stockholm").then().statusCode(201);
        }
        Run same = check(data, merchants("no change", "no change"));
        assertEquals(0, same.exit(), same.output());
        assertTrue(same.output().contains("configuration OK"), same.output());

        Run cheaper = check(data, merchants("price: {SEK: 3900}", "price: {SEK: 3500}"));
        assertEquals(2, cheaper.exit(), cheaper.output());
        assertTrue(cheaper.output().contains("ERROR test cart demo/stockholm: instabox-locker: price 3900 -> 3500"), cheaper.output());

        Run broken = check(dir.resolve("no-data"), merchants("price: {SEK: 3900}", "price: {SEK: \"x\"}"));
        assertEquals(2, broken.exit(), broken.output());
        assertTrue(broken.output().contains("options[instabox-locker].price.SEK: must be an amount"), broken.output());
    }
}
