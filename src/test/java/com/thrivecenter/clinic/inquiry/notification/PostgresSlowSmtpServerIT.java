package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.OnEmbeddedPostgres;
import com.thrivecenter.clinic.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The slow SMTP server, on PostgreSQL (the production database), started for this test. */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.inquiries.notify-to=inquiries@clinic.example"
        })
@OnEmbeddedPostgres
@Import(TestClockConfig.class)
class PostgresSlowSmtpServerIT extends SlowSmtpServerContract {

    @Override
    void assertWorkWasShared(int sentByOne, int sentByOther) {
        assertThat(sentByOne).as("mail sent by one instance").isPositive();
        assertThat(sentByOther).as("mail sent by the other instance").isPositive();
    }
}
