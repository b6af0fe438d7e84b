package dev.leverans.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.secrets.Secret;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KlarnaDigestTest {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "smOOOth, lRFUpqW7Xd, 8C3891B3162DB3AB61A9B2DA74E6A479553ABA897894E5236ED290C11A0B832B",
            "secret1, abc, 8355BFA5922FBF0F5741E36B2C94ECE8F5D47970BA2367985BC3F3E3AD8A945C",
            "smOOOth, nonce123, 77722AA57C3D9FF1A3048AB3D859327A7E1FF8754E3D4AFB81639E3FD124EF5B"})
    void matchesTheContractVectorsInEitherCase(String key, String nonce, String digest) {
        Secret secret = new Secret(key);
        assertEquals(digest.toLowerCase(Locale.ROOT), KlarnaDigest.of(nonce, secret));
        assertTrue(KlarnaDigest.matches(nonce, digest, secret));
        assertTrue(KlarnaDigest.matches(nonce, digest.toLowerCase(Locale.ROOT), secret));
    }

    @Test
    void rejectsAWrongKeyNonceOrDigest() {
        String digest = "8355BFA5922FBF0F5741E36B2C94ECE8F5D47970BA2367985BC3F3E3AD8A945C";
        assertFalse(KlarnaDigest.matches("abc", digest, new Secret("secret2")));
        assertFalse(KlarnaDigest.matches("abd", digest, new Secret("secret1")));
        assertFalse(KlarnaDigest.matches("abc", digest.substring(1), new Secret("secret1")));
        // key first, nonce appended is not the contract
        assertFalse(KlarnaDigest.matches("abc", KlarnaDigest.of("secret1", new Secret("abc")), new Secret("secret1")));
    }

    @Test
    void secretsNeverPrintTheirValue() {
        assertEquals("[secret]", new Secret("demo-secret").toString());
    }
}
