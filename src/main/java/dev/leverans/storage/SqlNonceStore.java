package dev.leverans.storage;

import dev.leverans.auth.NonceStore;
import dev.leverans.secrets.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Used nonces in the database, so a replay is refused by every instance that shares it. A nonce
 * whose record expired may be recorded again (the upsert only overwrites expired rows).
 */
public final class SqlNonceStore implements NonceStore {
    private final Database database;

    public SqlNonceStore(Database database) {
        this.database = database;
    }

    @Override
    public boolean firstUse(String merchantId, String nonce, Instant expiresAt, Instant now) {
        String hash = Sha256.hex(nonce.getBytes(StandardCharsets.UTF_8));
        return database.write(c -> Jdbc.update(c,
                "INSERT INTO auth_nonce (merchant_id, nonce_hash, expires_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (merchant_id, nonce_hash) DO UPDATE SET expires_at = excluded.expires_at "
                        + "WHERE auth_nonce.expires_at <= ?",
                merchantId, hash, expiresAt.toEpochMilli(), now.toEpochMilli())) == 1;
    }

    @Override
    public int forgetExpired(Instant now) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM auth_nonce WHERE expires_at <= ?", now.toEpochMilli()));
    }
}
