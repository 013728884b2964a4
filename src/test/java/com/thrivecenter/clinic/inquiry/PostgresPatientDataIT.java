package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
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
 * On PostgreSQL, what a dump would hold: every table copied out (COPY TO STDOUT, as pg_dump does; the embedded
 * binaries ship no pg_dump) and the tables' own files on disk after a checkpoint hold no plain patient text.
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

    @Test
    void aDumpAndTheTableFilesHoldNoPlainPatientTextAndStaffStillFindThePatient() throws Exception {
        String reference = DistinctivePatient.sendTheForm(port);
        transaction.executeWithoutResult(
                status -> inbox.addNote(reference, "staff@clinic.example", DistinctivePatient.NOTE));

        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        try (Connection connection = POSTGRES.getPostgresDatabase().getConnection()) {
            for (String table : TABLES) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", dump);
            }
        }
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
