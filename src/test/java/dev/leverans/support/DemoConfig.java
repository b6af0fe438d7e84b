package dev.leverans.support;

import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.EnvSubstitution;
import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.MerchantLoader;
import dev.leverans.merchants.MerchantRegistry;
import java.nio.file.Path;
import java.util.Map;

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

    public static MerchantLoader loader() {
        return new MerchantLoader(new ConfigDocuments(new EnvSubstitution(Map.<String, String>of()::get)));
    }
}
