-- Each running instance of the site has a row here while it runs (removed when it stops): its heartbeat, written
-- with the database's clock every few seconds, and keyed fingerprints of the secrets every instance must share
-- (never the secrets themselves). A starting instance compares its fingerprints with those of the instances whose
-- heartbeat is recent, and refuses to start when they disagree. Plain SQL for H2 and PostgreSQL alike.
CREATE TABLE site_instance (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    host         VARCHAR(255) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per key of each shared secret: a single secret has one key, a keyset one per key (its primary marked).
CREATE TABLE site_instance_key (
    instance_id VARCHAR(36)  NOT NULL REFERENCES site_instance (id) ON DELETE CASCADE,
    setting     VARCHAR(100) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    is_primary  BOOLEAN      NOT NULL,
    PRIMARY KEY (instance_id, setting, fingerprint)
);
