-- Changes with every change to an account that must end its open sessions (disabled, new role, new password).
-- A session remembers the stamp it signed in with; once the row's stamp differs, the session is signed out.
ALTER TABLE staff_account ADD COLUMN session_stamp BIGINT DEFAULT 0 NOT NULL;
