package dev.leverans;

import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.ConfigException;
import dev.leverans.config.EnvSubstitution;
import dev.leverans.config.ServerConfig;
import dev.leverans.config.StorageSettings;
import dev.leverans.merchantapi.TestCarts;
import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.MerchantLoader;
import dev.leverans.merchants.TestCart;
import dev.leverans.http.Json;
import dev.leverans.storage.SqlConfigVersionStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --check [DIR]}: validates the settings and the merchant files of DIR (default: the
 * configured merchants directory) — every error and warning of every file — and, when the data
 * directory holds a database, runs each merchant's saved test carts against those files' rule
 * tables, all without starting the server. Exit 0 when there is no error, else 2.
 */
final class ConfigCheck {
    private final Function<String, String> env;
    private final PrintStream out;

    ConfigCheck(Function<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    int run(Path settings, Path merchantsDir) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            ServerConfig config = ServerConfig.load(settings, env);
            MerchantLoader.Checked checked = new MerchantLoader(new ConfigDocuments(new EnvSubstitution(env)))
                    .check(merchantsDir == null ? config.merchantsDir() : merchantsDir);
            errors.addAll(checked.errors());
            warnings.addAll(checked.warnings());
            if (checked.registry() != null) errors.addAll(testCarts(checked.registry().all(), config.storage()));
        } catch (ConfigException e) {
            errors.addAll(e.problems());
        }
        errors.forEach(e -> out.println("ERROR " + e));
        warnings.forEach(out::println);
        out.println((errors.isEmpty() ? "configuration OK" : errors.size() + " error(s)")
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)"));
        return errors.isEmpty() ? 0 : 2;
    }

    /** Every saved test cart whose answer these files would change, one line each. */
    private List<String> testCarts(List<Merchant> merchants, StorageSettings storage) {
        Map<String, List<TestCart>> saved = SqlConfigVersionStore.savedTestCarts(storage, Json.mapper());
        TestCarts carts = new TestCarts(Clock.systemUTC());
        List<String> failed = new ArrayList<>();
        for (Merchant m : merchants) {
            for (TestCarts.Result r : carts.run(m.rules(), saved.getOrDefault(m.id(), List.of()))) {
                if (!r.passed()) failed.add("test cart " + m.id() + "/" + r.name() + ": " + String.join("; ", r.differences()));
            }
        }
        return failed;
    }
}
