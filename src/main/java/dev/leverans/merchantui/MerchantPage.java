package dev.leverans.merchantui;

import dev.leverans.secrets.Sha256;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merchant page at {@code /merchant/ui/}: static files from the jar that call the JSON
 * endpoints, and CodeMirror from its webjars. It carries no data of its own, so it needs no
 * sign-in; the API key it asks for guards the endpoints.
 */
public final class MerchantPage {
    public static final String PATH = "/merchant/ui";
    private static final String RESOURCES = "/merchant-ui";
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private MerchantPage() {}

    public static void register(JavalinConfig config) {
        Map<String, String> headers = Map.of(
                "Content-Security-Policy", contentSecurityPolicy(),
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                // Revalidated on every load, so a new release's page is never mixed with an old script.
                "Cache-Control", "no-cache");
        config.staticFiles.add(files -> {
            files.hostedPath = PATH;
            files.directory = RESOURCES;
            files.location = Location.CLASSPATH;
            files.headers = headers;
        });
        config.staticFiles.enableWebjars();
        // Javalin ignores trailing slashes when matching, so the bare path is told apart here; the
        // page's relative links need the slash.
        config.routes.before(PATH, ctx -> {
            if (!ctx.path().endsWith("/")) ctx.redirect(PATH + "/", HttpStatus.MOVED_PERMANENTLY);
        });
    }

    /**
     * Scripts only from this server, plus the page's one inline script (the import map), allowed
     * by its hash; no frames, no plugins, no other origins.
     */
    static String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self' 'sha256-" + importMapHash() + "'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String importMapHash() {
        try (InputStream in = MerchantPage.class.getResourceAsStream(RESOURCES + "/index.html")) {
            if (in == null) throw new IllegalStateException(RESOURCES + "/index.html is missing from the jar");
            Matcher m = IMPORT_MAP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!m.find()) throw new IllegalStateException(RESOURCES + "/index.html has no import map");
            return Base64.getEncoder().encodeToString(Sha256.digest(m.group(1).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
