-- Order management: the module's view of each shop order (a JSON document) and the outbox of
-- decided Klarna calls. Same database as the reservations, so one transaction covers both.
CREATE TABLE om_order (
    merchant_id     VARCHAR(64)   NOT NULL,
    shop_order_id   VARCHAR(255)  NOT NULL,
    klarna_order_id VARCHAR(255)  NOT NULL,
    order_json      TEXT          NOT NULL,
    updated_at      BIGINT        NOT NULL,
    CONSTRAINT om_order_pk PRIMARY KEY (merchant_id, shop_order_id)
);

CREATE INDEX om_order_by_klarna_order ON om_order (merchant_id, klarna_order_id);

CREATE TABLE om_outbox (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    merchant_id     VARCHAR(64)   NOT NULL,
    shop_order_id   VARCHAR(255)  NOT NULL,
    entry_json      TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL
);

CREATE INDEX om_outbox_pending ON om_outbox (status, created_at);
