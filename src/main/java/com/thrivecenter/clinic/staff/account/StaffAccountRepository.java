package com.thrivecenter.clinic.staff.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff account rows. Emails are kept in lower case, so sign-in ignores case. */
@Repository
public class StaffAccountRepository {

    private final JdbcClient jdbc;

    public StaffAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account").query(Long.class).single();
    }

    public List<StaffAccount> findAll() {
        return jdbc.sql("SELECT * FROM staff_account ORDER BY email")
                .query(StaffAccountRepository::map)
                .list();
    }

    public Optional<StaffAccount> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM staff_account WHERE email = :email")
                .param("email", normalise(email))
                .query(StaffAccountRepository::map)
                .optional();
    }

    public void insert(String email, String passwordHash, Role role, Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO staff_account (email, password_hash, role, enabled, failed_attempts, created_at)
                        VALUES (:email, :hash, :role, TRUE, 0, :now)
                        """)
                .param("email", normalise(email))
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Disabling an account also ends its open sessions. */
    public void setEnabled(String email, boolean enabled) {
        jdbc.sql(
                        """
                        UPDATE staff_account
                        SET enabled = :enabled,
                            session_stamp = CASE WHEN :enabled THEN session_stamp ELSE session_stamp + 1 END
                        WHERE email = :email
                        """)
                .param("enabled", enabled)
                .param("email", normalise(email))
                .update();
    }

    /** A new password ends the account's open sessions and lifts a lock. */
    public void setPassword(String email, String passwordHash) {
        jdbc.sql(
                        """
                        UPDATE staff_account
                        SET password_hash = :hash, failed_attempts = 0, locked_until = NULL, session_stamp = session_stamp + 1
                        WHERE email = :email
                        """)
                .param("hash", passwordHash)
                .param("email", normalise(email))
                .update();
    }

    /** Returns the role the account had before, or empty when there is no such account; ends its open sessions. */
    public Optional<Role> setRole(String email, Role role) {
        Optional<Role> before = findByEmail(email).map(StaffAccount::role);
        before.ifPresent(previous -> jdbc.sql(
                        "UPDATE staff_account SET role = :role, session_stamp = session_stamp + 1 WHERE email = :email")
                .param("role", role.name())
                .param("email", normalise(email))
                .update());
        return before;
    }

    /** Ends the account's open sessions (its second factors were reset). */
    public void endSessions(String email) {
        jdbc.sql("UPDATE staff_account SET session_stamp = session_stamp + 1 WHERE email = :email")
                .param("email", normalise(email))
                .update();
    }

    /** The stamp an enabled account's sessions must carry; empty when the account is gone or disabled. */
    public Optional<Long> sessionStamp(String email) {
        return jdbc.sql("SELECT session_stamp FROM staff_account WHERE email = :email AND enabled")
                .param("email", normalise(email))
                .query(Long.class)
                .optional();
    }

    /**
     * Counts a sign-in attempt before its password is checked, in one statement so that simultaneous attempts
     * cannot all slip past the lock. Refused (false) while the account is locked; once a lock has expired the
     * count starts again; the attempt that reaches {@code lockAfter} locks the account until {@code lockUntil}
     * (a right password then unlocks it through {@link #recordSuccess}). False as well when there is no such
     * account.
     */
    public boolean reserveAttempt(String email, Instant now, int lockAfter, Instant lockUntil) {
        return jdbc.sql(
                                """
                        UPDATE staff_account
                        SET failed_attempts = CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END,
                            locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END) >= :lockAfter
                                                THEN CAST(:lockUntil AS TIMESTAMP WITH TIME ZONE) ELSE NULL END
                        WHERE email = :email AND (locked_until IS NULL OR locked_until <= :now)
                        """)
                        .param("lockAfter", lockAfter)
                        .param("lockUntil", Timestamp.from(lockUntil))
                        .param("now", Timestamp.from(now))
                        .param("email", normalise(email))
                        .update()
                == 1;
    }

    public void recordSuccess(String email) {
        jdbc.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE email = :email")
                .param("email", normalise(email))
                .update();
    }

    /** Empty when there is no such account. */
    public boolean setDisplayName(String email, String displayName) {
        return jdbc.sql("UPDATE staff_account SET display_name = :name WHERE email = :email")
                        .param("name", displayName.isBlank() ? null : displayName.strip())
                        .param("email", normalise(email))
                        .update()
                == 1;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static StaffAccount map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new StaffAccount(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"),
                Optional.ofNullable(locked).map(Timestamp::toInstant),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("session_stamp"),
                Optional.ofNullable(rs.getString("display_name")).filter(name -> !name.isBlank()));
    }
}
