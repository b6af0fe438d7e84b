package dev.leverans.auth;

import java.time.Instant;

/** Nonces Klarna has already used with a valid digest, per merchant, until they expire. */
public interface NonceStore {
    /** Records the nonce; false when it is already recorded and not yet expired (a replay). */
    boolean firstUse(String merchantId, String nonce, Instant expiresAt, Instant now);

    /** Drops expired nonces; returns how many. */
    int forgetExpired(Instant now);
}
