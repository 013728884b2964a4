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
        return jdbc.sql("SELECT * FROM staff_account ORDER BY email").query(StaffAccountRepository::map).list();
    }

    public Optional<StaffAccount> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM staff_account WHERE email = :email")
                .param("email", normalise(email))
                .query(StaffAccountRepository::map)
                .optional();
    }

    public void insert(String email, String passwordHash, Role role, Instant now) {
        jdbc.sql("""
                        INSERT INTO staff_account (email, password_hash, role, enabled, failed_attempts, created_at)
                        VALUES (:email, :hash, :role, TRUE, 0, :now)
                        """)
                .param("email", normalise(email))
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    public void setEnabled(String email, boolean enabled) {
        jdbc.sql("UPDATE staff_account SET enabled = :enabled WHERE email = :email")
                .param("enabled", enabled).param("email", normalise(email)).update();
    }

    public void setPassword(String email, String passwordHash) {
        jdbc.sql("UPDATE staff_account SET password_hash = :hash, failed_attempts = 0, locked_until = NULL WHERE email = :email")
                .param("hash", passwordHash).param("email", normalise(email)).update();
    }

    /** Counts a wrong password; at {@code lockAfter} in a row the account is locked until {@code lockUntil}. */
    public void recordFailure(String email, int lockAfter, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE staff_account
                        SET failed_attempts = failed_attempts + 1,
                            locked_until = CASE WHEN failed_attempts + 1 >= :lockAfter THEN :lockUntil ELSE locked_until END
                        WHERE email = :email
                        """)
                .param("lockAfter", lockAfter)
                .param("lockUntil", Timestamp.from(lockUntil))
                .param("email", normalise(email))
                .update();
    }

    public void recordSuccess(String email) {
        jdbc.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE email = :email")
                .param("email", normalise(email)).update();
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
                rs.getTimestamp("created_at").toInstant());
    }
}
