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
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies the bearer tokens Klarna sends after /auth: HS256 JWTs with issuer,
 * subject = merchant identifier, issued-at, expiry and a unique id. Only HS256 is accepted, so
 * {@code alg: none} and algorithm swaps fail verification.
 */
public final class TokenService {
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;
    // Klarna sends the same token on every call of a checkout; verify its signature once.
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(100_000).build();

    private record Verified(String subject, Instant expiry) {}

    public TokenService(byte[] signingKey, String issuer, Duration ttl, Clock clock) {
        try {
            this.signer = new MACSigner(signingKey);
            this.verifier = new MACVerifier(signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("token signing key must be at least 256 bits", e);
        }
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A fresh random key, for a single instance without a configured one (tokens die on restart). */
    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public record IssuedToken(String token, long expiresInSeconds) {}

    public IssuedToken issue(String merchantIdentifier) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(merchantIdentifier).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
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

    /** The claims of a well-formed, correctly signed token of ours; null otherwise (not cached). */
    private Verified verifySignedToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) return null;
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !issuer.equals(claims.getIssuer()) || claims.getSubject() == null) return null;
            return new Verified(claims.getSubject(), expiry.toInstant());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return null;
        }
    }
}
