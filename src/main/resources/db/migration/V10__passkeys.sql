-- Second factor for staff: passkeys (Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository). Spring's schema says BLOB (H2) or BYTEA (PostgreSQL); the repository writes and
-- reads bytes (setBytes, getBytes), and BYTEA is a binary type on both databases (H2 reads it as VARBINARY).
-- A user entity's name is the staff account's email address, so it fits one (254 characters). Columns a browser
-- sends are wide enough for anything it can send, so no request ends in a database error: a credential id is
-- at most 1,023 bytes (1,364 characters of base64url), and a label at most the 64 KB a request body may hold.
CREATE TABLE user_entities (
    id           VARCHAR(1000) NOT NULL PRIMARY KEY,
    name         VARCHAR(254)  NOT NULL,
    display_name VARCHAR(254)
);

CREATE TABLE user_credentials (
    credential_id                VARCHAR(1400) NOT NULL PRIMARY KEY,
    user_entity_user_id          VARCHAR(1000) NOT NULL,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    label                        VARCHAR(65536) NOT NULL
);

CREATE INDEX user_credentials_user ON user_credentials (user_entity_user_id);
CREATE UNIQUE INDEX user_entities_name ON user_entities (name);
