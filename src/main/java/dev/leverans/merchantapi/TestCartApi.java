package dev.leverans.merchantapi;

import dev.leverans.http.ApiException;
import dev.leverans.http.ApiKeyAuth;
import dev.leverans.http.Instants;
import dev.leverans.http.JsonResponses;
import dev.leverans.http.RequestBodies;
import dev.leverans.merchants.ConfigVersions;
import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.TestCart;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Saved test carts under {@code /merchant/config/test-carts}: {@code PUT …/{name}} saves a cart
 * with its expected answer (by default the active version's answer now), {@code GET} lists them
 * with how they fare against the active version, {@code DELETE …/{name}} removes one.
 */
public final class TestCartApi {
    public static final List<String> SCHEMAS = List.of("TestCartRequest");
    private static final String NAME = "[A-Za-z0-9._-]{1,100}";

    private final ApiKeyAuth auth;
    private final ConfigVersions versions;
    private final TestCarts carts;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final ObjectMapper json;

    public TestCartApi(ApiKeyAuth auth, ConfigVersions versions, RequestBodies bodies, JsonResponses responses, ObjectMapper json,
                       Clock clock) {
        this.auth = auth;
        this.versions = versions;
        this.carts = new TestCarts(clock);
        this.bodies = bodies;
        this.responses = responses;
        this.json = json;
    }

    public void put(Context ctx) {
        Merchant m = auth.merchant(ctx);
        String name = ctx.pathParam("name");
        if (!name.matches(NAME)) throw new ApiException(400, "name: letters, digits, '.', '_' and '-', at most 100");
        JsonNode body = bodies.readTree(ctx, "TestCartRequest");
        String at = body.path("at").isString() ? Instants.parse("at", body.path("at").asString()).toString() : null;
        TestCart cart = new TestCart(name, body.get("request"), at, null);
        TestCart.Expected expected = body.has("expected") ? json.treeToValue(body.get("expected"), TestCart.Expected.class)
                : carts.answer(m.rules(), cart);
        boolean existed = versions.testCarts(m).stream().anyMatch(c -> c.name().equals(name));
        TestCart saved = cart.withExpected(expected);
        versions.saveTestCart(m, saved);
        responses.send(ctx, existed ? 200 : 201, view(saved, carts.run(m.rules(), List.of(saved)).getFirst()));
    }

    public void list(Context ctx) {
        Merchant m = auth.merchant(ctx);
        List<TestCart> saved = versions.testCarts(m);
        List<TestCarts.Result> results = carts.run(m.rules(), saved);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) out.add(view(saved.get(i), results.get(i)));
        responses.send(ctx, 200, Map.of("config_version", m.configVersion(), "test_carts", out));
    }

    public void delete(Context ctx) {
        Merchant m = auth.merchant(ctx);
        if (!versions.deleteTestCart(m, ctx.pathParam("name"))) throw ApiException.notFound("test cart");
        ctx.status(204);
    }

    private Map<String, Object> view(TestCart cart, TestCarts.Result against) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", cart.name());
        v.put("at", cart.at());
        v.put("expected", cart.expected());
        v.put("passed", against.passed());
        v.put("differences", against.differences());
        v.put("request", cart.request());
        return v;
    }
}
