package dev.leverans.auth;

import dev.leverans.secrets.Sha256;
import dev.leverans.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Klarna's /auth proof: digest = hex(SHA-256(nonce + key)), no separator. Compared
 * case-insensitively (Klarna prints upper case) and in constant time.
 */
public final class KlarnaDigest {
    private KlarnaDigest() {}

    public static String of(String nonce, Secret key) {
        byte[] n = nonce.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.utf8();
        byte[] both = new byte[n.length + k.length];
        System.arraycopy(n, 0, both, 0, n.length);
        System.arraycopy(k, 0, both, n.length, k.length);
        return Sha256.hex(both);
    }

    public static boolean matches(String nonce, String presentedDigest, Secret key) {
        byte[] expected = of(nonce, key).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = presentedDigest.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }
}
