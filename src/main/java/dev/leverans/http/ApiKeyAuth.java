package dev.leverans.http;

import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.MerchantDirectory;
import dev.leverans.secrets.Sha256;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * The merchant whose API key a request carries ({@code X-Api-Key} or {@code Authorization: Bearer}).
 * Used by the merchant API and the order-management API; never accepts the Klarna key or tokens.
 */
public final class ApiKeyAuth {
    private static final String BEARER = "Bearer ";

    private final MerchantDirectory merchants;
    private final MerchantLimiter limiter;

    public ApiKeyAuth(MerchantDirectory merchants, MerchantLimiter limiter) {
        this.merchants = merchants;
        this.limiter = limiter;
    }

    public Merchant merchant(Context ctx) {
        Merchant merchant = merchants.current().byApiKey(presentedKey(ctx)).orElseThrow(ApiException::unauthorized);
        AccessLog.merchant(merchant.id());
        if (!merchant.enabled()) throw new ApiException(403, "merchant " + merchant.id() + " is disabled");
        limiter.admit(ctx, merchant);
        return merchant;
    }

    /**
     * Who acted, for a history: "api key " and the first 8 hex digits of the key's SHA-256 — names
     * the key without revealing it. Call after {@link #merchant}.
     */
    public static String label(Context ctx) {
        return "api key " + Sha256.hex(presentedKey(ctx).getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    private static String presentedKey(Context ctx) {
        String key = ctx.header("X-Api-Key");
        String authorization = ctx.header("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            key = authorization.substring(BEARER.length()).trim();
        }
        if (key == null || key.isEmpty()) throw ApiException.unauthorized();
        return key;
    }
}
