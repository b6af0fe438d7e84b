package dev.leverans.merchantapi;

import dev.leverans.config.ConfigDocuments;
import dev.leverans.config.ConfigProblem;
import dev.leverans.config.ConfigSource;
import dev.leverans.http.ApiException;
import dev.leverans.http.ApiKeyAuth;
import dev.leverans.http.JsonResponses;
import dev.leverans.merchants.ConfigVersion;
import dev.leverans.merchants.ConfigVersions;
import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.TestCart;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The configuration API under {@code /merchant/config} (the merchant's API keys): the active
 * version, the versions and their history, submitting a draft (every problem reported), and
 * activating a version (an earlier one is a rollback) without a restart.
 */
public final class ConfigApi {
    private static final int MAX_COMMENT = 500;
    private static final String NUMBER = "[1-9]\\d{0,8}";

    private final ApiKeyAuth auth;
    private final ConfigVersions versions;
    private final JsonResponses responses;
    private final TestCarts carts;
    private final ObjectMapper json;

    public ConfigApi(ApiKeyAuth auth, ConfigVersions versions, JsonResponses responses, ObjectMapper json, Clock clock) {
        this.auth = auth;
        this.versions = versions;
        this.responses = responses;
        this.carts = new TestCarts(clock);
        this.json = json;
    }

    /** {@code GET /merchant/config}: the active version's document, YAML unless {@code Accept} asks for JSON. */
    public void active(Context ctx) {
        Merchant m = auth.merchant(ctx);
        ConfigVersion active = versions.active(m).orElseThrow(() -> ApiException.notFound("active configuration"));
        ctx.header("X-Config-Version", Integer.toString(active.number()));
        String accept = ctx.header("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json")) {
            responses.send(ctx, 200, ConfigDocuments.parse(new ConfigSource("version " + active.number(), active.content())));
        } else {
            ctx.status(200).contentType("application/yaml; charset=utf-8").result(active.content());
        }
    }

    /** {@code GET /merchant/config/versions}: every version (newest first) without content, and the activations. */
    public void list(Context ctx) {
        Merchant m = auth.merchant(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("versions", versions.list(m).stream().map(v -> summary(v)).toList());
        body.put("activations", versions.activations(m).stream().map(a -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("number", a.number());
            v.put("previous", a.previous());
            v.put("author", a.author());
            v.put("at", a.at().toString());
            return v;
        }).toList());
        responses.send(ctx, 200, body);
    }

    /** {@code GET /merchant/config/versions/{n}}: one version with its problems and its document. */
    public void get(Context ctx) {
        Merchant m = auth.merchant(ctx);
        ConfigVersion v = versions.find(m, number(ctx)).orElseThrow(() -> ApiException.notFound("configuration version"));
        Map<String, Object> body = summary(v);
        body.put("content", v.content());
        responses.send(ctx, 200, body);
    }

    /**
     * {@code GET /merchant/config/versions/{n}/diff?against=m}: a unified line diff from version m
     * (default: the active one) to version n, as text.
     */
    public void diff(Context ctx) {
        Merchant m = auth.merchant(ctx);
        ConfigVersion to = versions.find(m, number(ctx)).orElseThrow(() -> ApiException.notFound("configuration version"));
        String against = ctx.queryParam("against");
        ConfigVersion from = (against == null ? versions.active(m)
                : versions.find(m, parseNumber(against, "against"))).orElseThrow(() -> ApiException.notFound("configuration version"));
        List<String> before = from.content().lines().toList();
        Patch<String> patch = DiffUtils.diff(before, to.content().lines().toList());
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("version " + from.number(), "version " + to.number(), before, patch, 3);
        ctx.status(200).contentType("text/plain; charset=utf-8").result(diff.isEmpty() ? "" : String.join("\n", diff) + "\n");
    }

    /** {@code POST /merchant/config/versions?comment=}: the body (YAML or JSON) becomes a draft, with every problem it has. */
    public void submit(Context ctx) {
        Merchant m = auth.merchant(ctx);
        String comment = ctx.queryParam("comment");
        if (comment != null && comment.length() > MAX_COMMENT) throw new ApiException(400, "comment: at most " + MAX_COMMENT + " characters");
        String content = text(ctx.bodyAsBytes());
        if (content.isBlank()) throw new ApiException(400, "request body is empty; send the configuration as YAML or JSON");
        ConfigVersion draft = versions.submit(m, ApiKeyAuth.label(ctx), comment, content);
        Map<String, Object> body = summary(draft);
        if (!draft.hasErrors()) body.put("test_carts", TestCarts.views(testCarts(m, draft.number())));
        responses.send(ctx, 201, body);
    }

    /** {@code GET /merchant/config/versions/{n}/test-carts}: every saved test cart against version n. */
    public void runTestCarts(Context ctx) {
        Merchant m = auth.merchant(ctx);
        int number = number(ctx);
        ConfigVersion v = versions.find(m, number).orElseThrow(() -> ApiException.notFound("configuration version"));
        if (v.hasErrors()) throw new ApiException(422, "version " + number + " has errors; its rules cannot run");
        responses.send(ctx, 200, Map.of("version", number, "test_carts", TestCarts.views(testCarts(m, number))));
    }

    private List<TestCarts.Result> testCarts(Merchant m, int number) {
        return carts.run(versions.rules(m, number).orElseThrow(), versions.testCarts(m));
    }

    /**
     * {@code POST /merchant/config/versions/{n}/activate}, optionally {@code {"accept_changes": true}}:
     * serves version n from the next request on. Refused (409) while it changes the answer to a
     * saved test cart, unless the changes are accepted, which makes its answers the new expectations.
     */
    public void activate(Context ctx) {
        Merchant m = auth.merchant(ctx);
        int number = number(ctx);
        boolean accept = acceptChanges(ctx.bodyAsBytes());
        ConfigVersion version = versions.find(m, number).orElseThrow(() -> ApiException.notFound("configuration version"));
        if (version.hasErrors()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("failure_reason", "version " + number + " has errors and cannot become active; submit a fixed version");
            body.put("problems", problems(version.problems()));
            responses.send(ctx, 422, body);
            return;
        }
        List<TestCart> saved = versions.testCarts(m);
        List<TestCarts.Result> results = testCarts(m, number);
        if (!TestCarts.allPassed(results) && !accept) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("failure_reason", "version " + number + " changes the answer to a test cart; send {\"accept_changes\": true} "
                    + "to activate it and make its answers the expected ones");
            body.put("test_carts", TestCarts.views(results));
            responses.send(ctx, 409, body);
            return;
        }
        if (versions.activate(m, number, ApiKeyAuth.label(ctx)) != ConfigVersions.Activated.ACTIVATED) {
            throw ApiException.notFound("configuration version");
        }
        for (int i = 0; i < saved.size(); i++) {
            if (!results.get(i).passed()) versions.saveTestCart(m, saved.get(i).withExpected(results.get(i).actual()));
        }
        Map<String, Object> body = summary(versions.find(m, number).orElseThrow());
        body.put("test_carts", TestCarts.views(results));
        responses.send(ctx, 200, body);
    }

    private boolean acceptChanges(byte[] body) {
        if (body.length == 0) return false;
        try {
            JsonNode node = json.readTree(body);
            JsonNode accept = node.path("accept_changes");
            if (node.isObject() && node.size() == (accept.isMissingNode() ? 0 : 1) && (accept.isMissingNode() || accept.isBoolean())) {
                return accept.asBoolean(false);
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new ApiException(400, "body: send nothing, or {\"accept_changes\": true|false}");
    }

    private static Map<String, Object> summary(ConfigVersion v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", v.number());
        body.put("status", v.status().name().toLowerCase(Locale.ROOT));
        body.put("author", v.author());
        body.put("comment", v.comment());
        body.put("created_at", v.createdAt().toString());
        body.put("problems", problems(v.problems()));
        return body;
    }

    private static List<Map<String, Object>> problems(List<ConfigProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            v.put("path", p.path());
            v.put("option_id", p.optionId());
            v.put("line", p.line());
            v.put("column", p.column());
            v.put("message", p.message());
            return v;
        }).toList();
    }

    private static int number(Context ctx) {
        String raw = ctx.pathParam("n");
        if (raw.matches(NUMBER)) return Integer.parseInt(raw);
        throw ApiException.notFound("configuration version");
    }

    private static int parseNumber(String raw, String field) {
        if (raw.matches(NUMBER)) return Integer.parseInt(raw);
        throw new ApiException(400, field + ": must be a version number");
    }

    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "request body is not valid UTF-8");
        }
    }
}
