-- The state an order is listed under (GET /om/orders?state=): "attention" while its last Klarna
-- call failed, else its Klarna state in lower case. Kept beside the document so the list is an index scan.
-- PostgreSQL's twin of db/sqlite/V6 (only the JSON functions differ).
ALTER TABLE om_order ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'authorized';

UPDATE om_order SET state = CASE
    WHEN order_json::jsonb -> 'attention' IS NOT NULL AND order_json::jsonb -> 'attention' <> 'null'::jsonb THEN 'attention'
    ELSE lower(order_json::jsonb ->> 'state')
END;

CREATE INDEX om_order_by_state ON om_order (merchant_id, state, shop_order_id);
