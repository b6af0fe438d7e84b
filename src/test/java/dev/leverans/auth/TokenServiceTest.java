package dev.leverans.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.leverans.secrets.Secret;
import dev.leverans.secrets.SigningKey;
import dev.leverans.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final List<SigningKey> KEY = keys("k1:0123456789abcdef0123456789abcdef");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-18T09:00:00Z"));
    private final TokenService tokens = new TokenService(KEY, "leverans", Duration.ofMinutes(60), clock);

    @Test
    void aTokenNamesTheMerchantItWasIssuedTo() {
        TokenService.IssuedToken issued = tokens.issue("demo");
        assertEquals(3600, issued.expiresInSeconds());
        assertEquals(Optional.of("demo"), tokens.verify(issued.token()));
    }

    @Test
    void expiredTokensAreRejected() {
        String token = tokens.issue("demo").token();
        clock.advance(Duration.ofMinutes(59));
        assertEquals(Optional.of("demo"), tokens.verify(token));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(tokens.verify(token).isEmpty());
    }

    @Test
    void tokensSignedWithAnotherKeyAreRejected() {
        List<SigningKey> other = keys("k1:another-key-another-key-another-k");
        String foreign = new TokenService(other, "leverans", Duration.ofMinutes(60), clock).issue("demo").token();
        assertTrue(tokens.verify(foreign).isEmpty());
    }

    @Test
    void tamperedPayloadsAreRejected() {
        String[] parts = tokens.issue("demo").token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"demo\"", "\"demo-outlet\"");
        String tampered = parts[0] + "." + b64(payload) + "." + parts[2];
        assertTrue(tokens.verify(tampered).isEmpty());
    }

    @Test
    void unsignedAlgNoneTokensAreRejected() {
        String[] parts = tokens.issue("demo").token().split("\\.");
        assertTrue(tokens.verify(b64("{\"alg\":\"none\"}") + "." + parts[1] + ".").isEmpty());
        assertTrue(tokens.verify(b64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2]).isEmpty());
    }

    @Test
    void tokensOfAnotherIssuerAndGarbageAreRejected() {
        String otherIssuer = new TokenService(KEY, "someone-else", Duration.ofMinutes(60), clock).issue("demo").token();
        assertTrue(tokens.verify(otherIssuer).isEmpty());
        assertTrue(tokens.verify("not-a-jwt").isEmpty());
        assertTrue(tokens.verify("").isEmpty());
    }

    @Test
    void theFirstKeySignsEveryKeyVerifiesSoKeysRotateWithoutLoggingAnyoneOut() {
        TokenService old = new TokenService(keys("k1:0123456789abcdef0123456789abcdef"), "leverans", Duration.ofMinutes(60), clock);
        TokenService rotated = new TokenService(keys("k2:fedcba9876543210fedcba9876543210,k1:0123456789abcdef0123456789abcdef"),
                "leverans", Duration.ofMinutes(60), clock);
        TokenService afterRotation = new TokenService(keys("k2:fedcba9876543210fedcba9876543210"), "leverans", Duration.ofMinutes(60), clock);
        String fromOld = old.issue("demo").token();
        String fromRotated = rotated.issue("demo").token();
        assertEquals("{\"kid\":\"k2\",\"alg\":\"HS256\"}", header(fromRotated));
        assertEquals(Optional.of("demo"), rotated.verify(fromOld), "a token of the old key still works during the rotation");
        assertEquals(Optional.of("demo"), afterRotation.verify(fromRotated));
        assertTrue(old.verify(fromRotated).isEmpty(), "an instance without the new key refuses its tokens");
        assertTrue(afterRotation.verify(fromOld).isEmpty(), "the dropped key no longer verifies");
    }

    @Test
    void aKeyIdThatIsNotOursOrNotTheSignersIsRejected() {
        TokenService two = new TokenService(keys("k2:fedcba9876543210fedcba9876543210,k1:0123456789abcdef0123456789abcdef"),
                "leverans", Duration.ofMinutes(60), clock);
        String[] parts = tokens.issue("demo").token().split("\\.");
        assertTrue(two.verify(b64("{\"kid\":\"k9\",\"alg\":\"HS256\"}") + "." + parts[1] + "." + parts[2]).isEmpty());
        assertTrue(two.verify(b64("{\"kid\":\"k2\",\"alg\":\"HS256\"}") + "." + parts[1] + "." + parts[2]).isEmpty(),
                "signed with k1, claiming k2");
    }

    @Test
    void aTokenWithoutAKeyIdFromBeforeKeyIdsIsTriedAgainstEveryKey() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("leverans").subject("demo")
                .expirationTime(Date.from(clock.instant().plusSeconds(600))).build();
        SignedJWT legacy = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        legacy.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        TokenService two = new TokenService(keys("k2:fedcba9876543210fedcba9876543210,k1:0123456789abcdef0123456789abcdef"),
                "leverans", Duration.ofMinutes(60), clock);
        assertEquals(Optional.of("demo"), two.verify(legacy.serialize()));
    }

    private static List<SigningKey> keys(String pairs) {
        return Arrays.stream(pairs.split(",")).map(p -> new SigningKey(p.substring(0, p.indexOf(':')), new Secret(p.substring(p.indexOf(':') + 1))))
                .toList();
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
