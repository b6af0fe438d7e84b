package dev.leverans.merchantapi;

import dev.leverans.config.ConfigException;
import dev.leverans.http.ApiException;
import dev.leverans.http.ApiKeyAuth;
import dev.leverans.http.Instants;
import dev.leverans.http.JsonResponses;
import dev.leverans.http.RequestBodies;
import dev.leverans.klarna.KlarnaResponses;
import dev.leverans.klarna.OptionsQuote;
import dev.leverans.merchants.ConfigVersions;
import dev.leverans.merchants.Merchant;
import dev.leverans.rules.Quote;
import dev.leverans.rules.RuleTable;
import dev.leverans.rules.TraceEntry;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /merchant/preview}: what Klarna would get for a {@code shipping_options} request — the
 * exact answer, from the same evaluation — for the active or any stored version at any time, and
 * for every option of the table whether it was offered and why.
 */
public final class PreviewApi {
    public static final List<String> SCHEMAS = List.of("PreviewRequest");

    private final ApiKeyAuth auth;
    private final ConfigVersions versions;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final KlarnaResponses wire;
    private final ObjectMapper json;
    private final Clock clock;

    public PreviewApi(ApiKeyAuth auth, ConfigVersions versions, RequestBodies bodies, JsonResponses responses, KlarnaResponses wire,
                      ObjectMapper json, Clock clock) {
        this.auth = auth;
        this.versions = versions;
        this.bodies = bodies;
        this.responses = responses;
        this.wire = wire;
        this.json = json;
        this.clock = clock;
    }

    public void preview(Context ctx) {
        Merchant m = auth.merchant(ctx);
        JsonNode body = bodies.readTree(ctx, "PreviewRequest");
        Instant at = at(body.path("at"));
        int version = body.path("version").isNumber() ? body.path("version").asInt() : m.configVersion();
        RuleTable rules = rules(m, version);
        Quote quote = OptionsQuote.of(rules, body.get("request"), at, true);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", version);
        out.put("at", at.toString());
        out.put("fallback", quote.fallback() == null ? null : quote.fallback().label());
        out.put("failure", quote.failure() == null ? null : quote.failure().toString());
        out.put("klarna_answer", json.readTree(wire.options(quote.options(), OptionsQuote.preview(quote))));
        out.put("trace", quote.trace().stream().map(PreviewApi::entry).toList());
        responses.send(ctx, 200, out);
    }

    private RuleTable rules(Merchant m, int version) {
        if (version == m.configVersion()) return m.rules();
        try {
            return versions.rules(m, version).orElseThrow(() -> ApiException.notFound("configuration version"));
        } catch (ConfigException e) {
            throw new ApiException(422, "version " + version + " has problems; see GET /merchant/config/versions/" + version);
        }
    }

    private Instant at(JsonNode raw) {
        return raw.isMissingNode() || raw.isNull() ? clock.instant() : Instants.parse("at", raw.asString());
    }

    private static Map<String, Object> entry(TraceEntry t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("option_id", t.optionId());
        v.put("offered", t.offered());
        v.put("reason", t.reason());
        if (t.detail() != null) {
            v.put("conditions", t.detail().conditions().stream().map(c -> {
                Map<String, Object> verdict = new LinkedHashMap<>();
                verdict.put("condition", c.condition());
                verdict.put("passed", c.passed());
                verdict.put("because", c.because());
                return verdict;
            }).toList());
            v.put("price", t.detail().price());
            v.put("promise", t.detail().promise());
            v.put("locations", t.detail().locations());
        }
        return v;
    }
}
