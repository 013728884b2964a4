-- The outbox sender now locks a row while it sends it (SELECT ... FOR UPDATE SKIP LOCKED) instead of claiming it
-- for a fixed time, so the claim columns are no longer written or read.

ALTER TABLE notification DROP COLUMN claimed_until;
ALTER TABLE notification DROP COLUMN claim_token;
