package dev.leverans.support;

import dev.leverans.auth.KlarnaDigest;
import dev.leverans.secrets.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate JVM (this test run's classpath, the demo configuration), on a free
 * loopback port, with its output in {@code logDir}: for what only another process shows, a
 * SIGKILL or two instances on one database.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final int port;
    public final Path log;
    private final Process process;

    private ServerProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a server with the test signing key, no per-merchant limits, and {@code env} on top
     * ({@code args} as on the command line); waits until it is healthy.
     */
    public static ServerProcess start(Path logDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        int port = freePort();
        Path log = logDir.resolve("server-" + port + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=target",
                "-cp", System.getProperty("java.class.path"), "dev.leverans.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("LEVERANS_PORT", Integer.toString(port));
        pb.environment().put("LEVERANS_HOST", "127.0.0.1");
        pb.environment().put("LEVERANS_TOKEN_SIGNING_KEY", TestServer.SIGNING_KEY);
        pb.environment().put("LEVERANS_MERCHANT_RPS", "0");
        pb.environment().put("LEVERANS_MERCHANT_CONCURRENCY", "0");
        pb.environment().putAll(env);
        ServerProcess server = new ServerProcess(port, log, pb.start());
        server.awaitHealthy();
        return server;
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (get("/health", null).statusCode() == 200) return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("server on port " + port + " did not become healthy; see " + log);
    }

    /** A bearer token for the merchant, through the real /auth. */
    public String token(String identifier, String secret) throws IOException {
        String nonce = UUID.randomUUID().toString();
        String body = "{\"identifier\":\"" + identifier + "\",\"secret\":{\"nonce\":\"" + nonce + "\",\"digest\":\""
                + KlarnaDigest.of(nonce, new Secret(secret)) + "\"}}";
        HttpResponse<String> r = post("/ksa/auth", null, body);
        Matcher m = TOKEN.matcher(r.body());
        if (!m.find()) throw new AssertionError("no token from /auth: " + r.statusCode() + " " + r.body());
        return m.group(1);
    }

    public HttpResponse<String> post(String path, String token, String body) throws IOException {
        return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> put(String path, Map<String, String> headers, String body) throws IOException {
        HttpRequest.Builder b = request(path, null).PUT(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    public HttpResponse<String> get(String path, String token) throws IOException {
        return send(request(path, token).GET());
    }

    /** A request with headers of its own (an API key, say). */
    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) throws IOException {
        HttpRequest.Builder b = request(path, null).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** SIGKILL on Linux: no shutdown hooks, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
