package dev.leverans.http;

import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.MerchantDirectory;
import io.javalin.http.Context;

/**
 * The merchant whose API key a request carries ({@code X-Api-Key} or {@code Authorization: Bearer}).
 * Used by the merchant API and the order-management API; never accepts the Klarna key or tokens.
 */
public final class ApiKeyAuth {
    private static final String BEARER = "Bearer ";

    private final MerchantDirectory merchants;

    public ApiKeyAuth(MerchantDirectory merchants) {
        this.merchants = merchants;
    }

    public Merchant merchant(Context ctx) {
        String key = ctx.header("X-Api-Key");
        String authorization = ctx.header("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            key = authorization.substring(BEARER.length()).trim();
        }
        if (key == null || key.isEmpty()) throw ApiException.unauthorized();
        Merchant merchant = merchants.current().byApiKey(key).orElseThrow(ApiException::unauthorized);
        AccessLog.merchant(merchant.id());
        return merchant;
    }
}
