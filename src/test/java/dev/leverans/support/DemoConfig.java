package dev.leverans.support;

import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.EnvSubstitution;
import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.MerchantLoader;
import dev.leverans.merchants.MerchantRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The bundled demo configuration, as the server loads it (without environment overrides). */
public final class DemoConfig {
    public static final Path SERVER_FILE = Path.of("config/leverans.yaml");
    public static final Path MERCHANTS = Path.of("config/merchants");

    private DemoConfig() {}

    public static MerchantRegistry merchants() {
        return loader().loadDirectory(MERCHANTS);
    }

    public static Merchant demo() {
        return merchants().byId("demo").orElseThrow();
    }

    /** The demo merchant files copied into {@code dir} with {@code edit} applied to {@code file}; returns {@code dir}. */
    public static Path merchantsWith(Path dir, String file, UnaryOperator<String> edit) throws IOException {
        try (Stream<Path> files = Files.list(MERCHANTS)) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        Files.writeString(dir.resolve(file), edit.apply(Files.readString(dir.resolve(file))));
        return dir;
    }

    public static MerchantLoader loader() {
        return new MerchantLoader(new ConfigDocuments(new EnvSubstitution(Map.<String, String>of()::get)));
    }
}
