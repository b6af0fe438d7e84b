package dev.leverans;

import dev.leverans.config.ConfigException;
import dev.leverans.config.ServerConfig;
import dev.leverans.logging.LogFormat;
import dev.leverans.logging.LogText;
import io.javalin.util.JavalinBindException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar leverans.jar [--config FILE]}; LEVERANS_CONFIG also names the file. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String DEFAULT_CONFIG = "config/leverans.yaml";

    private Main() {}

    public static void main(String[] args) {
        if (!LogFormat.valid(LogFormat.configured())) {
            LOG.error("{}: '{}' is not a log format; use text or json", LogFormat.ENV, LogText.escape(LogFormat.configured()));
            System.exit(2);
        }
        try {
            Path configFile = Path.of(configArgument(args));
            ServerConfig config = ServerConfig.load(configFile, System::getenv);
            Leverans leverans = new Leverans(config, System::getenv, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(leverans::close, "leverans-shutdown"));
            leverans.start();
        } catch (ConfigException e) {
            LOG.error("Configuration error: {}", e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
        } catch (JavalinBindException e) {
            LOG.error("Cannot listen: {} (is another server running on that port? set LEVERANS_PORT)", e.getMessage());
            System.exit(1);
        }
    }

    private static String configArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (i + 1 == args.length) throw new IllegalArgumentException("--config needs a file name");
                return args[i + 1];
            }
            if (args[i].startsWith("--config=")) return args[i].substring("--config=".length());
            throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: java -jar leverans.jar [--config FILE]");
        }
        String fromEnv = System.getenv("LEVERANS_CONFIG");
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_CONFIG : fromEnv;
    }
}
