package dev.leverans;

import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.ConfigException;
import dev.leverans.config.EnvSubstitution;
import dev.leverans.config.ServerConfig;
import dev.leverans.logging.LogFormat;
import dev.leverans.logging.LogText;
import dev.leverans.merchants.MerchantLoader;
import dev.leverans.server.BuildInfo;
import dev.leverans.storage.StorageException;
import io.javalin.util.JavalinBindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar leverans.jar [--config FILE] [--check] [--init]}, {@code --help}, {@code --version};
 * LEVERANS_CONFIG also names the settings file. Exit codes: 0 fine, 1 cannot listen, 2 configuration,
 * 3 storage (e.g. the database is missing from a data directory that held one).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String DEFAULT_CONFIG = "config/leverans.yaml";
    private static final String USAGE = """
            Leverans %s — Klarna Shipping Assistant callback server
            Usage: java -jar leverans.jar [--config FILE] [--check] [--init]
              --config FILE  server settings (default: LEVERANS_CONFIG, else config/leverans.yaml)
              --check        validate the settings and every merchant file, print all problems, exit 0 or 2
              --init         create a new, empty database even where one was before (it is missing)
              --version      print the version
              --help         print this text
            See README.md for the settings and the environment variables.""";

    private record Arguments(String config, boolean check, boolean init) {}

    private Main() {}

    public static void main(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE.formatted(BuildInfo.version()));
                return;
            }
            if (arg.equals("--version")) {
                System.out.println("leverans " + BuildInfo.version());
                return;
            }
        }
        if (!LogFormat.valid(LogFormat.configured())) {
            LOG.error("{}: '{}' is not a log format; use text or json", LogFormat.ENV, LogText.escape(LogFormat.configured()));
            System.exit(2);
        }
        try {
            Arguments arguments = arguments(args);
            if (arguments.check()) System.exit(check(Path.of(arguments.config())));
            ServerConfig loaded = ServerConfig.load(Path.of(arguments.config()), System::getenv);
            ServerConfig config = arguments.init() ? loaded.withInitStorage() : loaded;
            Leverans leverans = new Leverans(config, System::getenv, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(leverans::close, "leverans-shutdown"));
            leverans.start();
        } catch (ConfigException e) {
            e.problems().forEach(problem -> LOG.error("Configuration error: {}", problem));
            System.exit(2);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
        } catch (StorageException e) {
            LOG.error("Storage: {}", e.getMessage());
            System.exit(3);
        } catch (JavalinBindException e) {
            LOG.error("Cannot listen: {} (is another server running on that port? set LEVERANS_PORT)", e.getMessage());
            System.exit(1);
        }
    }

    /** Validates the settings and every merchant file; prints each problem; 0 when there is none, else 2. */
    private static int check(Path settings) {
        MerchantLoader.Checked checked;
        try {
            ServerConfig config = ServerConfig.load(settings, System::getenv);
            checked = new MerchantLoader(new ConfigDocuments(new EnvSubstitution(System::getenv))).check(config.merchantsDir());
        } catch (ConfigException e) {
            checked = new MerchantLoader.Checked(e.problems(), List.of());
        }
        checked.errors().forEach(p -> System.out.println("ERROR " + p));
        checked.warnings().forEach(System.out::println);
        System.out.println((checked.errors().isEmpty() ? "configuration OK" : checked.errors().size() + " error(s)")
                + (checked.warnings().isEmpty() ? "" : ", " + checked.warnings().size() + " warning(s)"));
        return checked.errors().isEmpty() ? 0 : 2;
    }

    private static Arguments arguments(String[] args) {
        String config = null;
        boolean check = false;
        boolean init = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--check")) {
                check = true;
            } else if (args[i].equals("--init")) {
                init = true;
            } else if (args[i].equals("--config")) {
                if (i + 1 == args.length) throw new IllegalArgumentException("--config needs a file name");
                config = args[++i];
            } else if (args[i].startsWith("--config=")) {
                config = args[i].substring("--config=".length());
            } else {
                throw new IllegalArgumentException("unknown argument '" + LogText.escape(args[i]) + "'; see --help");
            }
        }
        String fromEnv = System.getenv("LEVERANS_CONFIG");
        if (config == null) config = fromEnv == null || fromEnv.isBlank() ? DEFAULT_CONFIG : fromEnv;
        return new Arguments(config, check, init);
    }
}
