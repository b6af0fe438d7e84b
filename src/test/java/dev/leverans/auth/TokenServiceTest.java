package dev.leverans.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
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
        byte[] other = "another-key-another-key-another-k".getBytes(StandardCharsets.UTF_8);
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

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
