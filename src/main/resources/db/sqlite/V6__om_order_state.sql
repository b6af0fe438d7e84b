-- The state an order is listed under (GET /om/orders?state=): "attention" while its last Klarna
-- call failed, else its Klarna state in lower case. Kept beside the document so the list is an index scan.
ALTER TABLE om_order ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'authorized';

UPDATE om_order SET state = CASE
    WHEN json_extract(order_json, '$.attention') IS NOT NULL THEN 'attention'
    ELSE lower(json_extract(order_json, '$.state'))
END;

CREATE INDEX om_order_by_state ON om_order (merchant_id, state, shop_order_id);
