-- The audit log becomes a hash chain: each row's hash covers its own fields and the previous row's hash, so an
-- edited, deleted or reordered row shows. Hashing needs SHA-256, which H2 and PostgreSQL spell differently, so
-- rows written before this migration are sealed by the site on its next start (staff/audit/AuditChain), in id order.
-- Plain SQL that runs unchanged on H2 and PostgreSQL.

ALTER TABLE audit_event ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);

-- The newest link of the chain, one row. Appending locks it (SELECT ... FOR UPDATE), so two staff actions at
-- once are chained one after the other and never fork the chain. NULL: older rows are not sealed yet.
CREATE TABLE audit_chain_head (
    id        INTEGER PRIMARY KEY,
    last_id   BIGINT,
    last_hash VARCHAR(64)
);

INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, NULL, NULL);

-- The inquiries one event concerned when there are many (an export), by reference only, for the access report.
-- They are part of the event's hash.
CREATE TABLE audit_event_inquiry (
    event_id  BIGINT      NOT NULL REFERENCES audit_event (id) ON DELETE CASCADE,
    reference VARCHAR(12) NOT NULL,
    PRIMARY KEY (event_id, reference)
);

CREATE INDEX audit_event_inquiry_reference ON audit_event_inquiry (reference);
CREATE INDEX audit_event_target ON audit_event (target);
