package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.SiteApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded database file, read byte by byte: an inquiry sent through the real form and a note on it leave no
 * plain text in it, and rows a version before encryption stored in plain text are sealed when the site starts.
 */
class PatientDataAtRestIT {

    @TempDir
    Path data;

    private String url() {
        return "jdbc:h2:file:" + data.resolve("clinic") + ";WRITE_DELAY=0";
    }

    private ConfigurableApplicationContext startSite() {
        return SpringApplication.run(
                SiteApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + url(),
                "--clinic.data.dir=" + data,
                "--clinic.content.dir=src/test/resources/fixture-content",
                "--clinic.inquiries.min-fill-time=0s");
    }

    @Test
    void theDatabaseFileHoldsNoPlainPatientTextAndOldPlainRowsAreSealedOnStart() throws Exception {
        Flyway.configure().dataSource(url(), "sa", "").target("5").load().migrate();
        try (Connection connection = DriverManager.getConnection(url(), "sa", "")) {
            JdbcClient old = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            old.sql(
                            """
                            INSERT INTO inquiry (reference, submission_key, received_at, name, email, phone,
                                contact_method, reason, message, preferred_times, status, client_hash)
                            VALUES ('TCH-OLDOLD', 'old-key', CURRENT_TIMESTAMP, 'Olwen Plainrow', 'olwen@old.example',
                                '555 010 4242', 'EMAIL', 'MIGRAINE', 'Written before sealing', '', 'NEW', 'hash')
                            """)
                    .update();
            old.sql(
                            """
                            INSERT INTO inquiry_note (inquiry_id, author, created_at, body)
                            SELECT id, 'staff@clinic.example', CURRENT_TIMESTAMP, 'Old plain note' FROM inquiry
                            """)
                    .update();
        }

        String reference;
        try (ConfigurableApplicationContext site = startSite()) {
            JdbcClient jdbc = site.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry WHERE name IS NOT NULL OR email IS NOT NULL"
                                    + " OR phone IS NOT NULL OR message IS NOT NULL")
                            .query(Integer.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry_note WHERE body IS NOT NULL")
                            .query(Integer.class)
                            .single())
                    .isZero();
            InquiryInbox inbox = site.getBean(InquiryInbox.class);
            InquiryDetails sealed = inbox.find("TCH-OLDOLD").orElseThrow();
            assertThat(sealed.name()).isEqualTo("Olwen Plainrow");
            assertThat(sealed.message()).isEqualTo("Written before sealing");
            assertThat(sealed.notes()).extracting(InquiryDetails.Note::body).containsExactly("Old plain note");
            assertThat(inbox.search(InquiryFilter.of(null, "OLWEN@old.example"), 0, 10)
                            .items())
                    .extracting(InquirySummary::reference)
                    .containsExactly("TCH-OLDOLD");

            int port = Integer.parseInt(site.getEnvironment().getProperty("local.server.port"));
            reference = DistinctivePatient.sendTheForm(port);
            site.getBean(TransactionTemplate.class)
                    .executeWithoutResult(
                            status -> inbox.addNote(reference, "staff@clinic.example", DistinctivePatient.NOTE));
            for (String search : new String[] {
                reference, DistinctivePatient.EMAIL.toUpperCase(), "(555) 013-4679", "zebulon  QUARTERMAINE"
            }) {
                assertThat(inbox.search(InquiryFilter.of(null, search), 0, 10).items())
                        .extracting(InquirySummary::reference)
                        .as(search)
                        .containsExactly(reference);
            }
            InquiryDetails stored = inbox.find(reference).orElseThrow();
            assertThat(Map.of(
                            "name",
                            stored.name(),
                            "message",
                            stored.message(),
                            "note",
                            stored.notes().get(0).body()))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "name", DistinctivePatient.NAME,
                            "message", DistinctivePatient.MESSAGE,
                            "note", DistinctivePatient.NOTE));
        }

        byte[] file = Files.readAllBytes(data.resolve("clinic.mv.db"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1))
                .as("the check itself reads the file")
                .contains(reference);
        assertThat(DistinctivePatient.foundIn(file)).isEmpty();
    }
}
