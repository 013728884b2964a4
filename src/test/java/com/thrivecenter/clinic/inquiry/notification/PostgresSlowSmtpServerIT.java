package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.TestClockConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The slow SMTP server, on PostgreSQL (the production database), started for this test. */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.inquiries.notify-to=inquiries@clinic.example"
        })
// The embedded PostgreSQL stops with the class: its context (and connection pool) must not outlive it.
@DirtiesContext
@ActiveProfiles("postgres")
@Import(TestClockConfig.class)
class PostgresSlowSmtpServerIT extends SlowSmtpServerContract {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.register(POSTGRES, registry);
    }

    @Override
    void assertWorkWasShared(int sentByOne, int sentByOther) {
        assertThat(sentByOne).as("mail sent by one instance").isPositive();
        assertThat(sentByOther).as("mail sent by the other instance").isPositive();
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }
}
