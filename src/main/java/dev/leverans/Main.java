package dev.leverans;

import dev.leverans.config.ConfigException;
import dev.leverans.config.ServerConfig;
import dev.leverans.logging.LogFormat;
import dev.leverans.logging.LogText;
import dev.leverans.server.BuildInfo;
import dev.leverans.storage.StorageException;
import io.javalin.util.JavalinBindException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar leverans.jar [--config FILE] [--check [DIR]] [--init]}, {@code --help}, {@code --version};
 * LEVERANS_CONFIG also names the settings file. Exit codes: 0 fine, 1 cannot listen, 2 configuration,
 * 3 storage (e.g. the database is missing from a data directory that held one).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String DEFAULT_CONFIG = "config/leverans.yaml";
    private static final String USAGE = """
            Leverans %s — Klarna Shipping Assistant callback server
            Usage: java -jar leverans.jar [--config FILE] [--check [DIR]] [--init]
              --config FILE  server settings (default: LEVERANS_CONFIG, else config/leverans.yaml)
              --check [DIR]  validate the settings and the merchant files of DIR (default: the configured ones),
                             run the saved test carts against them; print every error and warning; exit 0 or 2
              --init         create a new, empty database even where one was before (it is missing)
              --version      print the version
              --help         print this text
            See README.md for the settings and the environment variables.""";

    private record Arguments(String config, boolean check, Path checkDir, boolean init) {}

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
            if (arguments.check()) {
                System.exit(new ConfigCheck(System::getenv, System.out).run(Path.of(arguments.config()), arguments.checkDir()));
            }
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

    private static Arguments arguments(String[] args) {
        String config = null;
        boolean check = false;
        Path checkDir = null;
        boolean init = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--check")) {
                check = true;
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) checkDir = Path.of(args[++i]);
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
        return new Arguments(config, check, checkDir, init);
    }
}
