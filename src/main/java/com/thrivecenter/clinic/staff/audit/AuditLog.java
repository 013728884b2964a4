package com.thrivecenter.clinic.staff.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes and reads the audit log, a hash chain (see {@link AuditChain}). Callers pass references and account
 * emails, never what a patient wrote.
 */
@Service
public class AuditLog {

    private static final int MAX_ACTOR_LENGTH = 254;
    private static final String COLUMNS = "SELECT id, at, actor, action, target, detail FROM audit_event";

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, AuditChain chain, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String target, String detail) {
        append(actor, action, target, detail, List.of());
    }

    /**
     * An event that concerned many inquiries at once (an export): their references are kept with it, so the
     * access report of each one finds it.
     */
    public void recordForInquiries(String actor, AuditAction action, Collection<String> references, String detail) {
        append(actor, action, null, detail, references);
    }

    private void append(String actor, AuditAction action, String target, String detail, Collection<String> references) {
        chain.append(
                // Whole microseconds: what both databases store, so the hash of the row as read back is the same.
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                actor.length() > MAX_ACTOR_LENGTH ? actor.substring(0, MAX_ACTOR_LENGTH) : actor,
                action,
                target,
                detail,
                references);
    }

    /** Newest first. */
    public List<AuditEvent> page(int page, int size) {
        return jdbc.sql(COLUMNS + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> event(rs))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    /** Every event about one inquiry (viewed, changed) or that included it (exported), oldest first. */
    public List<AuditEvent> concerning(String reference) {
        return jdbc.sql(COLUMNS + " WHERE target = :reference OR id IN"
                        + " (SELECT event_id FROM audit_event_inquiry WHERE reference = :reference) ORDER BY id")
                .param("reference", reference)
                .query((rs, row) -> event(rs))
                .list();
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("target"),
                rs.getString("detail"));
    }
}
