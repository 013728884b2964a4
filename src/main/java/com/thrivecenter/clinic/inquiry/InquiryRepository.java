package com.thrivecenter.clinic.inquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Inquiry rows. */
@Repository
public class InquiryRepository {

    private final JdbcClient jdbc;

    public InquiryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new inquiry and returns its row id. */
    long insert(NewInquiry inquiry, String reference) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        INSERT INTO inquiry (reference, submission_key, received_at, name, email, phone, contact_method,
                                             reason, message, preferred_times, referred_by_physician, status, client_hash)
                        VALUES (:reference, :submissionKey, :receivedAt, :name, :email, :phone, :contactMethod,
                                :reason, :message, :preferredTimes, :referredByPhysician, :status, :clientHash)
                        """)
                .param("reference", reference)
                .param("submissionKey", inquiry.submissionKey())
                .param("receivedAt", Timestamp.from(inquiry.receivedAt()))
                .param("name", inquiry.name())
                .param("email", inquiry.email())
                .param("phone", inquiry.phone())
                .param("contactMethod", inquiry.contactMethod().name())
                .param("reason", inquiry.reason().name())
                .param("message", inquiry.message())
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
        return filtered(
                        "SELECT reference, received_at, reason, status, contact_method FROM inquiry",
                        filter,
                        " ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset")
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

    int insertNote(String reference, String author, String body, Instant at) {
        return jdbc.sql(
                        """
                        INSERT INTO inquiry_note (inquiry_id, author, created_at, body)
                        SELECT id, :author, :at, :body FROM inquiry WHERE reference = :reference
                        """)
                .param("author", author)
                .param("at", Timestamp.from(at))
                .param("body", body)
                .param("reference", reference)
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
        filter.search()
                .ifPresent(search -> conditions.add("(reference = :exact OR LOWER(name) LIKE :like ESCAPE '!')"));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        StatementSpec statement = jdbc.sql(select + where + tail);
        filter.status().ifPresent(status -> statement.param("status", status.name()));
        filter.search().ifPresent(search -> statement
                .param("exact", search.toUpperCase(Locale.ROOT))
                .param("like", "%" + likeEscaped(search.toLowerCase(Locale.ROOT)) + "%"));
        return statement;
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private InquiryDetails details(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Object referred = rs.getObject("referred_by_physician");
        String times = rs.getString("preferred_times");
        return new InquiryDetails(
                rs.getString("reference"),
                rs.getTimestamp("received_at").toInstant(),
                InquiryStatus.valueOf(rs.getString("status")),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                ContactMethod.valueOf(rs.getString("contact_method")),
                Reason.valueOf(rs.getString("reason")),
                rs.getString("message"),
                times.isEmpty()
                        ? List.of()
                        : Arrays.stream(times.split(","))
                                .flatMap(code -> PreferredTime.parse(code).stream())
                                .toList(),
                Optional.ofNullable(referred).map(value -> (Boolean) value),
                notes(id));
    }

    private List<InquiryDetails.Note> notes(long inquiryId) {
        return jdbc.sql(
                        "SELECT author, created_at, body FROM inquiry_note WHERE inquiry_id = :id ORDER BY created_at, id")
                .param("id", inquiryId)
                .query((rs, row) -> new InquiryDetails.Note(
                        rs.getString("author"), rs.getTimestamp("created_at").toInstant(), rs.getString("body")))
                .list();
    }
}
