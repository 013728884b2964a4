package com.thrivecenter.clinic.staff.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Writes and reads the audit log. Callers pass references and account emails, never what a patient wrote. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String target, String detail) {
        jdbc.sql(
                        "INSERT INTO audit_event (at, actor, action, target, detail) VALUES (:at, :actor, :action, :target, :detail)")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor.length() > 254 ? actor.substring(0, 254) : actor)
                .param("action", action.name())
                .param("target", target)
                .param("detail", detail)
                .update();
    }

    /** Newest first. */
    public List<AuditEvent> page(int page, int size) {
        return jdbc.sql(
                        "SELECT at, actor, action, target, detail FROM audit_event ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new AuditEvent(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("target"),
                        rs.getString("detail")))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }
}
