package com.thrivecenter.clinic.inquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Inquiry rows. What the patient wrote (name, email, phone, message) and staff notes are sealed on the way in and
 * opened on the way out; only the blind indexes of email, phone and name are searchable.
 */
@Repository
public class InquiryRepository {

    private final JdbcClient jdbc;
    private final PatientCipher cipher;

    public InquiryRepository(JdbcClient jdbc, PatientCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Stores a new inquiry and returns its row id. */
    long insert(NewInquiry inquiry, String reference) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        INSERT INTO inquiry (reference, submission_key, received_at, name_sealed, email_sealed,
                                             phone_sealed, name_index, email_index, phone_index, contact_method,
                                             reason, message_sealed, preferred_times, referred_by_physician, status,
                                             client_hash)
                        VALUES (:reference, :submissionKey, :receivedAt, :name, :email, :phone, :nameIndex,
                                :emailIndex, :phoneIndex, :contactMethod, :reason, :message, :preferredTimes,
                                :referredByPhysician, :status, :clientHash)
                        """)
                .param("reference", reference)
                .param("submissionKey", inquiry.submissionKey())
                .param("receivedAt", Timestamp.from(inquiry.receivedAt()))
                .param("name", cipher.seal(inquiry.name(), PatientCipher.inquiryPlace(reference, "name")))
                .param("email", cipher.seal(inquiry.email(), PatientCipher.inquiryPlace(reference, "email")))
                .param("phone", cipher.seal(inquiry.phone(), PatientCipher.inquiryPlace(reference, "phone")))
                .param("nameIndex", cipher.nameIndex(inquiry.name()).orElse(null))
                .param("emailIndex", cipher.emailIndex(inquiry.email()).orElse(null))
                .param("phoneIndex", cipher.phoneIndex(inquiry.phone()).orElse(null))
                .param("contactMethod", inquiry.contactMethod().name())
                .param("reason", inquiry.reason().name())
                .param("message", cipher.seal(inquiry.message(), PatientCipher.inquiryPlace(reference, "message")))
                .param(
                        "preferredTimes",
                        inquiry.preferredTimes().stream()
                                .map(PreferredTime::code)
                                .collect(Collectors.joining(",")))
                .param("referredByPhysician", inquiry.referredByPhysician().orElse(null))
                .param("status", InquiryStatus.NEW.name())
                .param("clientHash", inquiry.clientHash())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<String> findReferenceBySubmissionKey(String submissionKey) {
        return jdbc.sql("SELECT reference FROM inquiry WHERE submission_key = :key")
                .param("key", submissionKey)
                .query(String.class)
                .optional();
    }

    /** Marks the client as sending now; the row stays locked until the transaction ends. False when there is none. */
    boolean touchClient(String clientHash, Instant at) {
        return jdbc.sql("UPDATE inquiry_client SET last_sent_at = :at WHERE client_hash = :clientHash")
                        .param("at", Timestamp.from(at))
                        .param("clientHash", clientHash)
                        .update()
                == 1;
    }

    /** A client's first inquiry; a concurrent first one makes this fail with a duplicate key. */
    void insertClient(String clientHash, Instant at) {
        jdbc.sql("INSERT INTO inquiry_client (client_hash, last_sent_at) VALUES (:clientHash, :at)")
                .param("clientHash", clientHash)
                .param("at", Timestamp.from(at))
                .update();
    }

    int countFromClientSince(String clientHash, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE client_hash = :clientHash AND received_at >= :since")
                .param("clientHash", clientHash)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    List<InquirySummary> search(InquiryFilter filter, int offset, int limit) {
        // The rows a later page skips are skipped in an index that holds the order and the ids (the inner query needs
        // no other column); only the page's own rows are then read from the table, not every row before them.
        return filtered(
                        "SELECT reference, received_at, reason, status, contact_method FROM inquiry"
                                + " WHERE id IN (SELECT id FROM inquiry",
                        filter,
                        " ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset)"
                                + " ORDER BY received_at DESC, id DESC")
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new InquirySummary(
                        rs.getString("reference"),
                        rs.getTimestamp("received_at").toInstant(),
                        Reason.valueOf(rs.getString("reason")),
                        InquiryStatus.valueOf(rs.getString("status")),
                        ContactMethod.valueOf(rs.getString("contact_method"))))
                .list();
    }

    long count(InquiryFilter filter) {
        return filtered("SELECT COUNT(*) FROM inquiry", filter, "")
                .query(Long.class)
                .single();
    }

    List<InquiryDetails> searchDetails(InquiryFilter filter) {
        return filtered("SELECT * FROM inquiry", filter, " ORDER BY received_at DESC, id DESC")
                .query(this::details)
                .list();
    }

    Optional<InquiryDetails> findDetails(String reference) {
        return jdbc.sql("SELECT * FROM inquiry WHERE reference = :reference")
                .param("reference", reference)
                .query(this::details)
                .optional();
    }

    Optional<InquiryStatus> findStatus(String reference) {
        return jdbc.sql("SELECT status FROM inquiry WHERE reference = :reference")
                .param("reference", reference)
                .query(String.class)
                .optional()
                .map(InquiryStatus::valueOf);
    }

    void updateStatus(String reference, InquiryStatus status) {
        jdbc.sql("UPDATE inquiry SET status = :status WHERE reference = :reference")
                .param("status", status.name())
                .param("reference", reference)
                .update();
    }

    /** Adds the note, then seals its text under the new row's id; call in a transaction. False without the inquiry. */
    boolean insertNote(String reference, String author, String body, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        int added = jdbc.sql(
                        """
                        INSERT INTO inquiry_note (inquiry_id, author, created_at)
                        SELECT id, :author, :at FROM inquiry WHERE reference = :reference
                        """)
                .param("author", author)
                .param("at", Timestamp.from(at))
                .param("reference", reference)
                .update(keys, "id");
        if (added == 0) {
            return false;
        }
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("UPDATE inquiry_note SET body_sealed = :body WHERE id = :id")
                .param("body", cipher.seal(body, PatientCipher.notePlace(id)))
                .param("id", id)
                .update();
        return true;
    }

    /** The references of every inquiry sent with the same email address or phone number as this one. */
    List<String> samePatient(String reference) {
        return jdbc.sql(
                        """
                        SELECT other.reference FROM inquiry seed JOIN inquiry other
                          ON other.email_index = seed.email_index OR other.phone_index = seed.phone_index
                        WHERE seed.reference = :reference
                        ORDER BY other.received_at, other.id
                        """)
                .param("reference", reference)
                .query(String.class)
                .list();
    }

    /** Deletes the inquiries with their notes and outbox rows (the foreign keys cascade); returns how many. */
    int delete(List<String> references) {
        return references.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM inquiry WHERE reference IN (:references)")
                        .param("references", references)
                        .update();
    }

    /** Deletes old inquiries, and the rate-limit rows of clients who have sent nothing since. */
    int deleteReceivedBefore(Instant cutoff) {
        jdbc.sql("DELETE FROM inquiry_client WHERE last_sent_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
        return jdbc.sql("DELETE FROM inquiry WHERE received_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    /** The same WHERE clause for the page, the count and the export, with only the conditions in use. */
    private StatementSpec filtered(String select, InquiryFilter filter, String tail) {
        List<String> conditions = new ArrayList<>();
        filter.status().ifPresent(status -> conditions.add("status = :status"));
        filter.receivedFrom().ifPresent(from -> conditions.add("received_at >= :receivedFrom"));
        filter.receivedBefore().ifPresent(before -> conditions.add("received_at < :receivedBefore"));
        // Sealed values cannot be searched: a search term matches a reference, or exactly the blind index of an
        // email, phone number or name.
        Map<String, String> indexes = new LinkedHashMap<>();
        filter.search().ifPresent(search -> {
            indexes.put("reference", search.toUpperCase(Locale.ROOT));
            cipher.emailIndex(search).ifPresent(index -> indexes.put("email_index", index));
            cipher.phoneIndex(search).ifPresent(index -> indexes.put("phone_index", index));
            cipher.nameIndex(search).ifPresent(index -> indexes.put("name_index", index));
            // One indexed lookup per column, joined by UNION: H2 reads "a = ? OR b = ?" across columns with a scan of
            // the whole table, PostgreSQL with a bitmap of the same lookups.
            conditions.add(indexes.keySet().stream()
                    .map(column -> "SELECT id FROM inquiry WHERE " + column + " = :" + column)
                    .collect(Collectors.joining(" UNION ", "id IN (", ")")));
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        StatementSpec statement = jdbc.sql(select + where + tail);
        filter.status().ifPresent(status -> statement.param("status", status.name()));
        filter.receivedFrom().ifPresent(from -> statement.param("receivedFrom", Timestamp.from(from)));
        filter.receivedBefore().ifPresent(before -> statement.param("receivedBefore", Timestamp.from(before)));
        indexes.forEach(statement::param);
        return statement;
    }

    private InquiryDetails details(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String reference = rs.getString("reference");
        Object referred = rs.getObject("referred_by_physician");
        String times = rs.getString("preferred_times");
        return new InquiryDetails(
                reference,
                rs.getTimestamp("received_at").toInstant(),
                InquiryStatus.valueOf(rs.getString("status")),
                opened(rs, reference, "name"),
                opened(rs, reference, "email"),
                opened(rs, reference, "phone"),
                ContactMethod.valueOf(rs.getString("contact_method")),
                Reason.valueOf(rs.getString("reason")),
                opened(rs, reference, "message"),
                times.isEmpty()
                        ? List.of()
                        : Arrays.stream(times.split(","))
                                .flatMap(code -> PreferredTime.parse(code).stream())
                                .toList(),
                Optional.ofNullable(referred).map(value -> (Boolean) value),
                notes(id));
    }

    private String opened(ResultSet rs, String reference, String column) throws SQLException {
        return cipher.open(rs.getString(column + "_sealed"), PatientCipher.inquiryPlace(reference, column));
    }

    private List<InquiryDetails.Note> notes(long inquiryId) {
        return jdbc.sql(
                        """
                        SELECT id, author, created_at, body_sealed FROM inquiry_note
                        WHERE inquiry_id = :id ORDER BY created_at, id
                        """)
                .param("id", inquiryId)
                .query((rs, row) -> new InquiryDetails.Note(
                        rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant(),
                        cipher.open(rs.getString("body_sealed"), PatientCipher.notePlace(rs.getLong("id")))))
                .list();
    }
}
