package com.thrivecenter.clinic.staff.audit;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads audit rows with the inquiries each concerned, in id order, one at a time (the log may be long). */
final class StoredEvents {

    /** Which rows to read. */
    enum Rows {
        ALL(""),
        UNSEALED(" WHERE e.hash IS NULL");

        private final String condition;

        Rows(String condition) {
            this.condition = condition;
        }
    }

    private StoredEvents() {}

    static void forEach(JdbcClient jdbc, Rows which, Consumer<StoredEvent> action) {
        Grouping rows = new Grouping(action);
        jdbc.sql("SELECT e.id, e.at, e.actor, e.action, e.target, e.detail, e.previous_hash, e.hash, i.reference"
                        + " FROM audit_event e LEFT JOIN audit_event_inquiry i ON i.event_id = e.id" + which.condition
                        + " ORDER BY e.id, i.reference")
                .query((RowCallbackHandler) rs -> rows.add(
                        rs.getLong("id"),
                        () -> new Fields(
                                rs.getObject("at", OffsetDateTime.class),
                                rs.getString("actor"),
                                rs.getString("action"),
                                rs.getString("target"),
                                rs.getString("detail"),
                                rs.getString("previous_hash"),
                                rs.getString("hash")),
                        rs.getString("reference")));
        rows.finish();
    }

    private record Fields(
            OffsetDateTime at,
            String actor,
            String action,
            String target,
            String detail,
            String previousHash,
            String hash) {}

    @FunctionalInterface
    private interface FieldReader {
        Fields read() throws SQLException;
    }

    /** The join gives one line per inquiry of an event: lines of one id make one event. */
    private static final class Grouping {

        private final Consumer<StoredEvent> action;
        private long id;
        private Fields fields;
        private final List<String> inquiries = new ArrayList<>();

        Grouping(Consumer<StoredEvent> action) {
            this.action = action;
        }

        void add(long rowId, FieldReader reader, String reference) throws SQLException {
            if (fields == null || rowId != id) {
                finish();
                id = rowId;
                fields = reader.read();
            }
            if (reference != null) {
                inquiries.add(reference);
            }
        }

        void finish() {
            if (fields == null) {
                return;
            }
            action.accept(new StoredEvent(
                    new ChainedEvent(
                            id,
                            fields.at().toInstant(),
                            fields.actor(),
                            fields.action(),
                            fields.target(),
                            fields.detail(),
                            inquiries,
                            fields.previousHash()),
                    fields.hash()));
            fields = null;
            inquiries.clear();
        }
    }
}
