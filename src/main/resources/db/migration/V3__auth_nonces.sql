-- Nonces of accepted /auth requests, kept for at least the token lifetime so a replay is refused.
-- The nonce is stored as its SHA-256 (hex); times are epoch milliseconds. Portable SQL.
CREATE TABLE auth_nonce (
    merchant_id VARCHAR(64) NOT NULL,
    nonce_hash  VARCHAR(64) NOT NULL,
    expires_at  BIGINT      NOT NULL,
    PRIMARY KEY (merchant_id, nonce_hash)
);

CREATE INDEX auth_nonce_by_expiry ON auth_nonce (expires_at);
