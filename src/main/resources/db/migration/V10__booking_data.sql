-- What a carrier booking needs, from Klarna's request: the parcel, lines and Klarna order id (JSON),
-- and the recipient apart from it (JSON; personal data, set to NULL by the retention chore).
ALTER TABLE shipment ADD COLUMN booking_json TEXT;
ALTER TABLE shipment ADD COLUMN recipient_json TEXT;
