package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.inquiry.Reason;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox: one row per mail to send. A sender claims a row with a conditional update before sending, so
 * two senders on one database (two instances of the site) never both send it.
 */
@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertPending(long inquiryId, NotificationKind kind, Instant now) {
        jdbc.sql("""
                        INSERT INTO notification (inquiry_id, kind, created_at, attempts, next_attempt_at)
                        VALUES (:inquiryId, :kind, :now, 0, :now)
                        """)
                .param("inquiryId", inquiryId)
                .param("kind", kind.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Claims up to {@code limit} notifications that are due and not claimed by another sender. */
    List<DueNotification> claimDue(Instant now, Duration claimFor, int limit) {
        List<Long> candidates = jdbc.sql("""
                        SELECT id FROM notification
                        WHERE sent_at IS NULL AND next_attempt_at <= :now
                          AND (claimed_until IS NULL OR claimed_until < :now)
                        ORDER BY id
                        LIMIT :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
        return candidates.stream().flatMap(id -> claim(id, now, claimFor).stream()).toList();
    }

    private Optional<DueNotification> claim(long id, Instant now, Duration claimFor) {
        String token = UUID.randomUUID().toString();
        int claimed = jdbc.sql("""
                        UPDATE notification SET claim_token = :token, claimed_until = :until
                        WHERE id = :id AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < :now)
                        """)
                .param("token", token)
                .param("until", Timestamp.from(now.plus(claimFor)))
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT n.id, n.kind, n.attempts, n.claim_token, i.reference, i.reason, i.received_at, i.email
                        FROM notification n JOIN inquiry i ON i.id = n.inquiry_id
                        WHERE n.id = :id AND n.claim_token = :token
                        """)
                .param("id", id)
                .param("token", token)
                .query((rs, row) -> new DueNotification(
                        rs.getLong("id"),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getInt("attempts"),
                        rs.getString("claim_token"),
                        rs.getString("reference"),
                        Reason.valueOf(rs.getString("reason")),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("email")))
                .optional();
    }

    void markSent(DueNotification notification, Instant now) {
        jdbc.sql("""
                        UPDATE notification SET sent_at = :now, claim_token = NULL, claimed_until = NULL, last_error = NULL
                        WHERE id = :id AND claim_token = :token
                        """)
                .param("now", Timestamp.from(now))
                .param("id", notification.id())
                .param("token", notification.claimToken())
                .update();
    }

    void markFailed(DueNotification notification, Instant retryAt, String error) {
        jdbc.sql("""
                        UPDATE notification
                        SET attempts = attempts + 1, next_attempt_at = :retryAt, claim_token = NULL, claimed_until = NULL,
                            last_error = :error
                        WHERE id = :id AND claim_token = :token
                        """)
                .param("retryAt", Timestamp.from(retryAt))
                .param("error", error.length() > 200 ? error.substring(0, 200) : error)
                .param("id", notification.id())
                .param("token", notification.claimToken())
                .update();
    }
}
