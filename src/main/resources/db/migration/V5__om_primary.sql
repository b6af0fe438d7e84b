-- Exactly one primary shop order per Klarna order: the first registration claims the key, every
-- later one (also when registered concurrently) becomes its duplicate. Existing primaries are
-- the orders whose document names no duplicate_of.
CREATE TABLE om_klarna_primary (
    merchant_id     VARCHAR(64)  NOT NULL,
    klarna_order_id VARCHAR(255) NOT NULL,
    shop_order_id   VARCHAR(255) NOT NULL,
    PRIMARY KEY (merchant_id, klarna_order_id)
);

INSERT INTO om_klarna_primary (merchant_id, klarna_order_id, shop_order_id)
SELECT merchant_id, klarna_order_id, MIN(shop_order_id) FROM om_order
WHERE order_json NOT LIKE '%"duplicate_of":"%'
GROUP BY merchant_id, klarna_order_id;
