-- A merchant's saved test carts: a shipping_options request (and the moment to evaluate it at)
-- with the answer the merchant expects; every submitted version is checked against them.
CREATE TABLE config_test_cart (
    merchant_id  VARCHAR(64)   NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    cart         TEXT          NOT NULL,   -- JSON: {request, at?, expected: {options: [{id, price}], preselected}}
    updated_at   BIGINT        NOT NULL,
    CONSTRAINT config_test_cart_pk PRIMARY KEY (merchant_id, name)
);
