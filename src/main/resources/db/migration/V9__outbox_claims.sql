-- Outbox claims: the instance sending a call holds it until claimed_until (epoch ms); another
-- instance replays it only after that, so exactly one sends it and a crashed one's calls are not lost.
ALTER TABLE om_outbox ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE om_outbox ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
