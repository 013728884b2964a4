package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.inquiry.PatientCipher;
import com.thrivecenter.clinic.inquiry.Reason;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox: one row per mail to send. A sender locks a few due rows at a time, for the transaction in which it
 * sends those mails and records their outcomes; other senders (other instances of the site) skip locked rows. A
 * lock lasts exactly as long as the sends, however slow the SMTP server, and ends with the sender's connection if
 * its process dies.
 */
@Repository
public class NotificationRepository {

    /** More than the senders (instances of the site) expected to send side by side lock at once. */
    private static final int CANDIDATES = 64;

    private final JdbcClient jdbc;
    private final PatientCipher cipher;

    public NotificationRepository(JdbcClient jdbc, PatientCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insertPending(long inquiryId, NotificationKind kind, Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO notification (inquiry_id, kind, created_at, attempts, next_attempt_at)
                        VALUES (:inquiryId, :kind, :now, 0, :now)
                        """)
                .param("inquiryId", inquiryId)
                .param("kind", kind.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Locks up to {@code most} due notifications that no other sender holds, until the current transaction ends.
     * Must be called in a transaction (H2 2.x and PostgreSQL both know {@code SKIP LOCKED}). H2 reads every row that
     * matches a query with {@code FOR UPDATE}, however few it returns: found that way, each mail of a burst would cost
     * a read of all the mail still waiting. So the first due rows are read from the index without a lock, then locked
     * by their ids a few at a time, and checked again under the lock; the slow search runs only when other senders
     * hold all of those.
     */
    List<DueNotification> lockDue(Instant now, int most) {
        List<Long> candidates = jdbc.sql(
                        // Ordered as the notification_due index is (sent_at is NULL in every row read), so both
                        // databases read the first rows of the index and stop.
                        """
                        SELECT id FROM notification
                        WHERE sent_at IS NULL AND next_attempt_at <= :now
                        ORDER BY sent_at, next_attempt_at
                        FETCH FIRST %d ROWS ONLY
                        """
                                .formatted(CANDIDATES))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .list();
        List<Long> locked = List.of();
        for (int from = 0; locked.isEmpty() && from < candidates.size(); from += most) {
            locked = lockStillDue(candidates.subList(from, Math.min(from + most, candidates.size())), now);
        }
        if (locked.isEmpty() && candidates.size() == CANDIDATES) {
            locked = lockAnyDue(now).stream().toList();
        }
        return locked.isEmpty() ? List.of() : load(locked);
    }

    /**
     * Locks those of the notifications that no other sender holds, and returns the ones still due, as another sender
     * may have sent some since they were read. Both databases return the rows as they are once locked. The rows are
     * found by their ids alone: given the due conditions too, H2 takes the due index for them once mail has been
     * sent (it estimates {@code sent_at IS NULL} to be rare), and reads every due row.
     */
    private List<Long> lockStillDue(List<Long> ids, Instant now) {
        record LockedRow(long id, boolean due) {}
        return jdbc
                .sql(
                        """
                        SELECT id, sent_at IS NULL AND next_attempt_at <= :now AS due FROM notification
                        WHERE id IN (:ids)
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("ids", ids)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new LockedRow(rs.getLong("id"), rs.getBoolean("due")))
                .list()
                .stream()
                .filter(LockedRow::due)
                .map(LockedRow::id)
                .toList();
    }

    private Optional<Long> lockAnyDue(Instant now) {
        return jdbc.sql(
                        """
                        SELECT id FROM notification
                        WHERE sent_at IS NULL AND next_attempt_at <= :now
                        ORDER BY id
                        FETCH FIRST 1 ROW ONLY
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    private List<DueNotification> load(List<Long> ids) {
        return jdbc.sql(
                        """
                        SELECT n.id, n.kind, n.attempts, i.reference, i.reason, i.received_at, i.email_sealed
                        FROM notification n JOIN inquiry i ON i.id = n.inquiry_id
                        WHERE n.id IN (:ids)
                        """)
                .param("ids", ids)
                .query((rs, row) -> new DueNotification(
                        rs.getLong("id"),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getInt("attempts"),
                        rs.getString("reference"),
                        Reason.valueOf(rs.getString("reason")),
                        rs.getTimestamp("received_at").toInstant(),
                        cipher.open(
                                rs.getString("email_sealed"),
                                PatientCipher.inquiryPlace(rs.getString("reference"), "email"))))
                .list();
    }

    /** Records the mails as sent, all with one statement. */
    void markSent(List<DueNotification> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE notification SET sent_at = :now, last_error = NULL WHERE id IN (:ids)")
                .param("now", Timestamp.from(now))
                .param("ids", sent.stream().map(DueNotification::id).toList())
                .update();
    }

    void markFailed(DueNotification notification, Instant retryAt, String error) {
        jdbc.sql(
                        """
                        UPDATE notification SET attempts = attempts + 1, next_attempt_at = :retryAt, last_error = :error
                        WHERE id = :id
                        """)
                .param("retryAt", Timestamp.from(retryAt))
                .param("error", error.length() > 200 ? error.substring(0, 200) : error)
                .param("id", notification.id())
                .update();
    }

    /** What waits to be sent, and since when mail has been failing; empty while nothing has failed. */
    Optional<MailProblem> problem() {
        return jdbc.sql(
                        """
                        SELECT COUNT(*) AS waiting, MIN(CASE WHEN last_error IS NOT NULL THEN created_at END) AS failing_since
                        FROM notification WHERE sent_at IS NULL
                        """)
                .query((rs, row) -> {
                    Timestamp failingSince = rs.getTimestamp("failing_since");
                    return failingSince == null
                            ? Optional.<MailProblem>empty()
                            : Optional.of(new MailProblem(failingSince.toInstant(), rs.getInt("waiting")));
                })
                .single();
    }
}
