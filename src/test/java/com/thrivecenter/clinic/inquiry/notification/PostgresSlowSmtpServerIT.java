package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.TestClockConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The slow SMTP server, on PostgreSQL (the production database), started for this test. */
@SpringBootTest(properties = {
        "clinic.content.dir=src/test/resources/fixture-content",
        "clinic.inquiries.notify-to=inquiries@clinic.example"})
@ActiveProfiles("postgres")
@Import(TestClockConfig.class)
class PostgresSlowSmtpServerIT extends SlowSmtpServerContract {

    private static final EmbeddedPostgres POSTGRES = start();

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("DATABASE_USER", () -> "postgres");
        registry.add("DATABASE_PASSWORD", () -> "");
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
