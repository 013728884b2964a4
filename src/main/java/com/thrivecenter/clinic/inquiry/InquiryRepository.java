package com.thrivecenter.clinic.inquiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        jdbc.sql("""
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
                .param("preferredTimes", inquiry.preferredTimes().stream().map(PreferredTime::code).collect(Collectors.joining(",")))
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

    int countFromClientSince(String clientHash, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE client_hash = :clientHash AND received_at >= :since")
                .param("clientHash", clientHash)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }
}
