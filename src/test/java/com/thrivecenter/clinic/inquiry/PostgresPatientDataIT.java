package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, neither a dump (Debian's pg_dump, as an operator backs up; the embedded binaries ship none) nor
 * the tables' own files on disk after a checkpoint hold any plain patient text.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "clinic.inquiries.min-fill-time=0s")
@DirtiesContext
@ActiveProfiles("postgres")
class PostgresPatientDataIT {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();
    private static final List<String> TABLES = List.of("inquiry", "inquiry_note", "notification", "audit_event");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InquiryInbox inbox;

    @Autowired
    TransactionTemplate transaction;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.register(POSTGRES, registry);
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    /** The whole database as Debian's pg_dump writes it, the way an operator backs it up. */
    private static byte[] pgDump() throws IOException, InterruptedException {
        Process pgDump = new ProcessBuilder(
                        "pg_dump",
                        "--host=localhost",
                        "--port=" + POSTGRES.getPort(),
                        "--username=postgres",
                        "--dbname=postgres",
                        "--no-password")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] dump = pgDump.getInputStream().readAllBytes();
        assertThat(pgDump.waitFor()).as("pg_dump's exit code").isZero();
        return dump;
    }

    @Test
    void aDumpAndTheTableFilesHoldNoPlainPatientTextAndStaffStillFindThePatient() throws Exception {
        String reference = DistinctivePatient.sendTheForm(port);
        transaction.executeWithoutResult(
                status -> inbox.addNote(reference, "staff@clinic.example", DistinctivePatient.NOTE));

        byte[] pgDump = pgDump();
        assertThat(new String(pgDump, StandardCharsets.ISO_8859_1))
                .as("pg_dump dumps the inquiry")
                .contains(reference);
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        dump.write(pgDump);
        jdbc.sql("CHECKPOINT").update();
        for (String table : TABLES) {
            String file = jdbc.sql("SELECT pg_relation_filepath(:table)")
                    .param("table", table)
                    .query(String.class)
                    .single();
            dump.write(jdbc.sql("SELECT pg_read_binary_file(:file)")
                    .param("file", file)
                    .query(byte[].class)
                    .single());
        }

        assertThat(new String(dump.toByteArray(), StandardCharsets.ISO_8859_1))
                .as("the check itself reads the data")
                .contains(reference);
        assertThat(DistinctivePatient.foundIn(dump.toByteArray())).isEmpty();
        for (String search : new String[] {DistinctivePatient.EMAIL, "5550134679", "ZEBULON quartermaine"}) {
            assertThat(inbox.search(InquiryFilter.of(null, search), 0, 10).items())
                    .extracting(InquirySummary::reference)
                    .as(search)
                    .containsExactly(reference);
        }
        assertThat(inbox.find(reference).orElseThrow().notes())
                .extracting(InquiryDetails.Note::body)
                .containsExactly(DistinctivePatient.NOTE);
    }
}
