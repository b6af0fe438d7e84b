package dev.leverans.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made from (Maven writes it into leverans-build.properties). */
public final class BuildInfo {
    private BuildInfo() {}

    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/leverans-build.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
