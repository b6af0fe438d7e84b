package dev.leverans.merchantapi;

import dev.leverans.http.ApiException;
import dev.leverans.http.ApiKeyAuth;
import dev.leverans.http.JsonResponses;
import dev.leverans.merchants.Merchant;
import dev.leverans.rules.OfferedOption;
import dev.leverans.rules.QuoteRequest;
import dev.leverans.rules.RuleEvaluator;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchant/kco-fallback?country=SE&currency=SEK}: the merchant's fallback
 * {@code shipping_options} in Klarna Checkout's order shape, for the shop to send when it creates
 * each KCO order (Klarna shows them when this server cannot be reached). They come from the same
 * rules as the live answer: what the active version offers for the country before the address and
 * the cart are known — an empty cart (no lines, weight 0, value 0), postal-code conditions not yet
 * applied — or the default option alone where nothing is offered.
 */
public final class KcoFallbackApi {
    private final ApiKeyAuth auth;
    private final JsonResponses responses;
    private final Clock clock;

    public KcoFallbackApi(ApiKeyAuth auth, JsonResponses responses, Clock clock) {
        this.auth = auth;
        this.responses = responses;
        this.clock = clock;
    }

    public void fallback(Context ctx) {
        Merchant m = auth.merchant(ctx);
        String country = required(ctx, "country", "[A-Z]{2}", "a country code such as SE");
        String currency = required(ctx, "currency", "[A-Z]{3}", "a currency code such as SEK");
        List<Map<String, Object>> options = RuleEvaluator.evaluate(m.rules(), QuoteRequest.countryOnly(currency, country), clock.instant())
                .options().stream()
                .map(KcoFallbackApi::kcoOption).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("config_version", m.configVersion());
        body.put("shipping_options", options);
        responses.send(ctx, 200, body);
    }

    private static Map<String, Object> kcoOption(OfferedOption o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", o.option().id());
        v.put("name", o.option().name());
        v.put("description", o.option().description());
        v.put("price", o.price());
        v.put("tax_amount", o.taxAmount());
        v.put("tax_rate", o.taxRate());
        v.put("preselected", o.preselected());
        v.put("shipping_method", o.option().method());
        return v;
    }

    private static String required(Context ctx, String name, String pattern, String expected) {
        String raw = ctx.queryParam(name);
        if (raw == null || !raw.matches(pattern)) throw new ApiException(400, name + ": must be " + expected);
        return raw;
    }
}
