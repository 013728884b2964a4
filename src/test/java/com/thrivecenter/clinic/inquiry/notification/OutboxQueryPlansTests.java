package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.RecordedStatements;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a mail costs the database must not grow with the mail still waiting. H2 picks an index from rough estimates:
 * with mail already sent, each at its own time, it takes {@code sent_at IS NULL} for a rare condition and prefers the
 * due index even to the primary key. A statement that reaches one notification that way reads every due row, which
 * made each mail of a burst of thousands cost milliseconds (bench/form.sh). So every statement one mail runs is
 * planned here on an outbox that has sent mail before.
 */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
@Import(RecordedStatements.Config.class)
class OutboxQueryPlansTests {

    @Autowired
    RecordedStatements database;

    @Autowired
    NotificationRepository outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    InquiryService inquiries;

    @Test
    void aMailFindsItsNotificationByItsIdNotThroughTheDueIndex() throws Exception {
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("DELETE FROM inquiry").update();
        for (int i = 0; i < 20; i++) {
            TestInquiry.anInquiry().submitTo(inquiries);
        }
        jdbc.sql("UPDATE notification SET sent_at = DATEADD('SECOND', id, created_at)")
                .update();
        for (int i = 0; i < 3; i++) {
            TestInquiry.anInquiry().submitTo(inquiries);
        }

        List<String> plans = database.plansOf(() -> transaction.executeWithoutResult(status -> {
            outbox.markSent(outbox.lockDue(Instant.now(), 2), Instant.now());
        }));

        // The search for candidates, then the lock of two, their mails' details and their outcome.
        assertThat(plans).hasSize(4);
        assertThat(plans.get(0)).contains("NOTIFICATION_DUE");
        assertThat(plans.subList(1, plans.size()))
                .allSatisfy(plan ->
                        assertThat(plan).doesNotContain("NOTIFICATION_DUE").contains("PRIMARY_KEY"));
    }
}
