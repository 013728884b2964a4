package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.site.HttpPages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * The production set-up: the postgres profile, the same Flyway migrations, and a whole submission over HTTP,
 * against a real PostgreSQL server started for this test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "clinic.inquiries.min-fill-time=0s")
// The embedded PostgreSQL stops with the class: its context (and connection pool) must not outlive it.
@DirtiesContext
@ActiveProfiles("postgres")
class PostgresInquiryIT {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InquiryInbox inbox;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.register(POSTGRES, registry);
    }

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("DELETE FROM inquiry").update();
        jdbc.sql("DELETE FROM inquiry_client").update();
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Test
    void theMigrationsRunAndAWholeInquiryIsStoredInPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '1'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        HttpPages browser = new HttpPages(port);

        HttpResponse<String> sent = browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));

        assertThat(sent.statusCode()).isEqualTo(303);
        String thanks = sent.headers().firstValue("Location").orElseThrow();
        assertThat(thanks).startsWith("/contact/thanks?reference=");
        Map<String, Object> row = jdbc.sql(
                        "SELECT reference, name, message, reason, preferred_times, referred_by_physician FROM inquiry")
                .query()
                .singleRow();
        assertThat(row.get("name")).isNull();
        assertThat(row.get("message")).isNull();
        InquiryDetails stored = inbox.find((String) row.get("reference")).orElseThrow();
        assertThat(stored.name()).isEqualTo("Rosa Example");
        assertThat(stored.message()).isEqualTo("Evenings are worst — “quotes” and ünïcode");
        assertThat(row.get("reason")).isEqualTo("RESTLESS_LEGS");
        assertThat(row.get("preferred_times")).isEqualTo("friday-evening,monday-morning");
        assertThat(row.get("referred_by_physician")).isNull();
        assertThat(jdbc.sql("SELECT kind FROM notification WHERE sent_at IS NULL")
                        .query(String.class)
                        .list())
                .containsExactly("STAFF");
        assertThat(HttpPages.html(new HttpPages(port).get(thanks))
                        .select(".reference")
                        .text())
                .isEqualTo(row.get("reference"));
    }

    @Test
    void noWayThroughTheFormStartsAServerSession() {
        SessionlessForm.assertNoWayThroughTheFormStartsASession(port, jdbc);
    }

    @Test
    void ofThirtySimultaneousInquiriesFromOneAddressExactlyTheLimitIsAccepted() throws Exception {
        List<Integer> statuses = SimultaneousInquiries.send(port, 30);

        assertThat(Collections.frequency(statuses, 303)).isEqualTo(5);
        assertThat(Collections.frequency(statuses, 429)).isEqualTo(25);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry").query(Integer.class).single())
                .isEqualTo(5);
    }
}
