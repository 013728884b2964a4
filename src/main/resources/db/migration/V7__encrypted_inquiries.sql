-- What a patient wrote is kept sealed (AES-256-GCM, Base64) in the *_sealed columns, each value bound to its row and
-- column; the *_index columns hold keyed hashes (HMAC-SHA256) of the normalised email, phone and name, so staff can
-- find a patient by an exact value. The plain columns stay only until the site seals rows stored before this version
-- on its next start (PatientDataSealing); after that they are always empty. Plain SQL for H2 and PostgreSQL.

ALTER TABLE inquiry ADD COLUMN name_sealed VARCHAR(1000);
ALTER TABLE inquiry ADD COLUMN email_sealed VARCHAR(1500);
ALTER TABLE inquiry ADD COLUMN phone_sealed VARCHAR(500);
ALTER TABLE inquiry ADD COLUMN message_sealed VARCHAR(12000);
ALTER TABLE inquiry ADD COLUMN name_index VARCHAR(64);
ALTER TABLE inquiry ADD COLUMN email_index VARCHAR(64);
ALTER TABLE inquiry ADD COLUMN phone_index VARCHAR(64);
ALTER TABLE inquiry ALTER COLUMN name DROP NOT NULL;
ALTER TABLE inquiry ALTER COLUMN email DROP NOT NULL;
ALTER TABLE inquiry ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE inquiry ALTER COLUMN message DROP NOT NULL;

CREATE INDEX inquiry_name_index ON inquiry (name_index);
CREATE INDEX inquiry_email_index ON inquiry (email_index);
CREATE INDEX inquiry_phone_index ON inquiry (phone_index);

ALTER TABLE inquiry_note ADD COLUMN body_sealed VARCHAR(12000);
ALTER TABLE inquiry_note ALTER COLUMN body DROP NOT NULL;
