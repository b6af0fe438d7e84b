package dev.leverans.auth;

import dev.leverans.merchants.Merchant;
import dev.leverans.merchants.MerchantDirectory;
import dev.leverans.secrets.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Klarna-facing authentication: digest proof in, bearer token out; bearer token in, merchant out.
 * A nonce is accepted once per merchant within the replay window (at least the token lifetime).
 */
public final class Authenticator {
    private static final String BEARER = "Bearer ";
    // Compared against when the identifier is unknown, so both paths cost one hash.
    private static final Secret UNKNOWN = new Secret("unknown-merchant-placeholder");

    private final MerchantDirectory merchants;
    private final TokenService tokens;
    private final NonceStore nonces;
    private final Duration replayWindow;
    private final Clock clock;

    public Authenticator(MerchantDirectory merchants, TokenService tokens, NonceStore nonces, Duration replayWindow,
                         Clock clock) {
        this.merchants = merchants;
        this.tokens = tokens;
        this.nonces = nonces;
        this.replayWindow = replayWindow;
        this.clock = clock;
    }

    public Optional<TokenService.IssuedToken> authenticate(String identifier, String nonce, String digest) {
        Optional<Merchant> merchant = merchantWithIdentifier(identifier);
        boolean valid = KlarnaDigest.matches(nonce, digest, merchant.map(Merchant::key).orElse(UNKNOWN));
        if (!valid || merchant.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        if (!nonces.firstUse(merchant.get().id(), nonce, now.plus(replayWindow), now)) return Optional.empty();
        return Optional.of(tokens.issue(merchant.get().identifier()));
    }

    /** The merchant that registered this identifier at Klarna, while it is enabled. */
    public Optional<Merchant> merchantWithIdentifier(String identifier) {
        return merchants.current().byIdentifier(identifier).filter(Merchant::enabled);
    }

    /** The merchant behind an {@code Authorization: Bearer} header value, if the token is valid. */
    public Optional<Merchant> merchantFor(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return tokens.verify(authorizationHeader.substring(BEARER.length()).trim()).flatMap(this::merchantWithIdentifier);
    }
}
