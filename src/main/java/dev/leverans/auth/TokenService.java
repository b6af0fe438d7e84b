package dev.leverans.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.leverans.secrets.Secret;
import dev.leverans.secrets.SigningKey;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies the bearer tokens Klarna sends after /auth: HS256 JWTs with issuer,
 * subject = merchant identifier, issued-at, expiry and a unique id. Only HS256 is accepted, so
 * {@code alg: none} and algorithm swaps fail verification. Of several keys the first signs (its id
 * in the header's {@code kid}) and every one verifies, so a key is rotated by putting the new one
 * first and dropping the old one after a token lifetime; instances with the same keys accept each
 * other's tokens.
 */
public final class TokenService {
    private final SigningKey signing;
    private final MACSigner signer;
    private final Map<String, MACVerifier> verifiers = new LinkedHashMap<>();
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;
    // Klarna sends the same token on every call of a checkout; verify its signature once.
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(100_000).build();

    private record Verified(String subject, Instant expiry) {}

    public TokenService(List<SigningKey> keys, String issuer, Duration ttl, Clock clock) {
        if (keys.isEmpty()) throw new IllegalArgumentException("no token signing key");
        try {
            this.signing = keys.getFirst();
            this.signer = new MACSigner(signing.key().utf8());
            for (SigningKey key : keys) verifiers.put(key.kid(), new MACVerifier(key.key().utf8()));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("token signing keys must be at least 256 bits", e);
        }
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A fresh random key, for a single instance without a configured one (tokens die on restart). */
    public static SigningKey randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SigningKey("random", new Secret(HexFormat.of().formatHex(key)));
    }

    public record IssuedToken(String token, long expiresInSeconds) {}

    public IssuedToken issue(String merchantIdentifier) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(merchantIdentifier).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signing.kid()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
        return new IssuedToken(jwt.serialize(), ttl.toSeconds());
    }

    /** The merchant identifier a valid token was issued to; empty for anything else. */
    public Optional<String> verify(String token) {
        Verified known = verified.get(token, this::verifySignedToken);
        if (known == null || !known.expiry().isAfter(clock.instant())) {
            if (known != null) verified.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(known.subject());
    }

    /** A token names the key it was signed with; one from before key ids were used is tried against each. */
    private boolean signedByOurKey(SignedJWT jwt) throws JOSEException {
        String kid = jwt.getHeader().getKeyID();
        if (kid != null) {
            MACVerifier verifier = verifiers.get(kid);
            return verifier != null && jwt.verify(verifier);
        }
        for (MACVerifier verifier : verifiers.values()) if (jwt.verify(verifier)) return true;
        return false;
    }

    /** The claims of a well-formed, correctly signed token of ours; null otherwise (not cached). */
    private Verified verifySignedToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !signedByOurKey(jwt)) return null;
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !issuer.equals(claims.getIssuer()) || claims.getSubject() == null) return null;
            return new Verified(claims.getSubject(), expiry.toInstant());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return null;
        }
    }
}
