-- Second factor for staff: one-time codes sent by email (Spring Security's JdbcOneTimeTokenService; its own schema
-- uses an H2-only type, so this one is portable and fits a whole email address).
CREATE TABLE one_time_tokens (
    token_value VARCHAR(36)  NOT NULL PRIMARY KEY,
    username    VARCHAR(254) NOT NULL,
    expires_at  TIMESTAMP    NOT NULL
);
