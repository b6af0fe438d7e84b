-- Merchant configuration versions (rule table + locations) and the history of activations.
-- The files in config/merchants seed version 1 of each merchant at its first start; afterwards
-- the active version here is what the server serves.
CREATE TABLE config_version (
    merchant_id  VARCHAR(64)   NOT NULL,
    number       INTEGER       NOT NULL,
    status       VARCHAR(16)   NOT NULL,   -- draft, active, archived
    author       VARCHAR(200)  NOT NULL,
    comment      TEXT,
    created_at   BIGINT        NOT NULL,
    content      TEXT          NOT NULL,   -- the version as submitted (YAML or JSON)
    problems     TEXT          NOT NULL,   -- JSON array of the problems found when it was submitted
    CONSTRAINT config_version_pk PRIMARY KEY (merchant_id, number)
);

CREATE TABLE config_activation (
    merchant_id  VARCHAR(64)   NOT NULL,
    seq          INTEGER       NOT NULL,   -- 1, 2, … per merchant: the order of activations
    number       INTEGER       NOT NULL,
    previous     INTEGER,
    author       VARCHAR(200)  NOT NULL,
    activated_at BIGINT        NOT NULL
);

CREATE UNIQUE INDEX config_activation_by_merchant ON config_activation (merchant_id, seq);

-- The configuration version a reservation was priced with (0: reserved before versions existed).
ALTER TABLE shipment ADD COLUMN config_version INTEGER NOT NULL DEFAULT 0;
