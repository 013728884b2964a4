package com.thrivecenter.clinic.inquiry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The patient values of every row at once: sealing rows kept in plain text before they were encrypted, and sealing
 * everything again under a new key. Each method is meant for one transaction.
 */
@Repository
class SealedRows {

    private static final List<String> INQUIRY_COLUMNS = List.of("name", "email", "phone", "message");

    private final JdbcClient jdbc;

    SealedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seals and indexes the values of rows stored before version 7, then empties their plain columns. */
    int sealPlainRows(PatientCipher cipher) {
        List<Map<String, Object>> inquiries = jdbc.sql(
                        "SELECT id, reference, name, email, phone, message FROM inquiry WHERE name_sealed IS NULL")
                .query()
                .listOfRows();
        for (Map<String, Object> row : inquiries) {
            String reference = (String) row.get("reference");
            jdbc.sql(
                            """
                            UPDATE inquiry SET name_sealed = :name, email_sealed = :email, phone_sealed = :phone,
                                message_sealed = :message, name_index = :nameIndex, email_index = :emailIndex,
                                phone_index = :phoneIndex, name = NULL, email = NULL, phone = NULL, message = NULL
                            WHERE id = :id
                            """)
                    .param("name", cipher.seal(text(row, "name"), PatientCipher.inquiryPlace(reference, "name")))
                    .param("email", cipher.seal(text(row, "email"), PatientCipher.inquiryPlace(reference, "email")))
                    .param("phone", cipher.seal(text(row, "phone"), PatientCipher.inquiryPlace(reference, "phone")))
                    .param(
                            "message",
                            cipher.seal(text(row, "message"), PatientCipher.inquiryPlace(reference, "message")))
                    .param("nameIndex", cipher.nameIndex(text(row, "name")).orElse(null))
                    .param("emailIndex", cipher.emailIndex(text(row, "email")).orElse(null))
                    .param("phoneIndex", cipher.phoneIndex(text(row, "phone")).orElse(null))
                    .param("id", row.get("id"))
                    .update();
        }
        List<Map<String, Object>> notes = jdbc.sql("SELECT id, body FROM inquiry_note WHERE body_sealed IS NULL")
                .query()
                .listOfRows();
        for (Map<String, Object> note : notes) {
            long id = ((Number) note.get("id")).longValue();
            jdbc.sql("UPDATE inquiry_note SET body_sealed = :body, body = NULL WHERE id = :id")
                    .param("body", cipher.seal(text(note, "body"), PatientCipher.notePlace(id)))
                    .param("id", id)
                    .update();
        }
        return inquiries.size() + notes.size();
    }

    /** Opens every sealed value and seals it again under the cipher's primary key; returns how many values. */
    int resealAll(PatientCipher cipher) {
        int values = 0;
        List<Map<String, Object>> inquiries = jdbc.sql(
                        "SELECT id, reference, name_sealed, email_sealed, phone_sealed, message_sealed FROM inquiry")
                .query()
                .listOfRows();
        for (Map<String, Object> row : inquiries) {
            String reference = (String) row.get("reference");
            for (String column : INQUIRY_COLUMNS) {
                String place = PatientCipher.inquiryPlace(reference, column);
                jdbc.sql("UPDATE inquiry SET " + column + "_sealed = :sealed WHERE id = :id")
                        .param("sealed", cipher.seal(cipher.open(text(row, column + "_sealed"), place), place))
                        .param("id", row.get("id"))
                        .update();
                values++;
            }
        }
        List<Map<String, Object>> notes =
                jdbc.sql("SELECT id, body_sealed FROM inquiry_note").query().listOfRows();
        for (Map<String, Object> note : notes) {
            String place = PatientCipher.notePlace(((Number) note.get("id")).longValue());
            jdbc.sql("UPDATE inquiry_note SET body_sealed = :sealed WHERE id = :id")
                    .param("sealed", cipher.seal(cipher.open(text(note, "body_sealed"), place), place))
                    .param("id", note.get("id"))
                    .update();
            values++;
        }
        return values;
    }

    /** Opens one stored value, if there is any, to show the keyset is the one the data was sealed with. */
    void openAny(PatientCipher cipher) {
        Optional<Map<String, Object>> row = jdbc
                .sql(
                        """
                        SELECT reference, name_sealed FROM inquiry WHERE name_sealed IS NOT NULL
                        ORDER BY id FETCH FIRST 1 ROW ONLY
                        """)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        row.ifPresent(each ->
                cipher.open(text(each, "name_sealed"), PatientCipher.inquiryPlace(text(each, "reference"), "name")));
    }

    /** Row maps ignore the case of column names, which H2 reports in upper case and PostgreSQL in lower. */
    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }
}
