import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bare-stack baseline for bench/run.sh: a Javalin 7 POST endpoint that parses the request
 * body and serialises a JSON answer of the same size as /ksa/shipping_options, nothing else.
 * Run: java -cp target/leverans.jar bench/Baseline.java PORT RESPONSE_FILE
 */
public class Baseline {
    public static void main(String[] args) throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode answer = mapper.readTree(Files.readAllBytes(Path.of(args[1])));
        Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/baseline", ctx -> {
                JsonNode request = mapper.readTree(ctx.bodyAsBytes());
                if (request.isMissingNode()) throw new IllegalStateException("empty body");
                ctx.contentType("application/json").result(mapper.writeValueAsBytes(answer));
            });
        }).start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
