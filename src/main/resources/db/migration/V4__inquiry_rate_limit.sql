-- One row per sender (a keyed hash of its network address) for the contact form's rate limit. Sending an
-- inquiry first updates this row, which locks it until the transaction ends: two inquiries from one sender are
-- counted and stored one after the other, never side by side. Plain SQL that runs unchanged on H2 and PostgreSQL.

CREATE TABLE inquiry_client (
    client_hash  VARCHAR(64) PRIMARY KEY,
    last_sent_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX inquiry_client_last_sent ON inquiry_client (last_sent_at);
