package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.PreferredTime;
import com.thrivecenter.clinic.inquiry.Reason;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox against a real SMTP server: what arrives, what never does, and what happens when SMTP is down. */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.base-url=https://clinic.example",
            "clinic.inquiries.notify-to=inquiries@clinic.example",
            "clinic.inquiries.mail-from=website@clinic.example",
            "clinic.inquiries.retry-delay=30s"
        })
@Import({TestClockConfig.class, OtherSenders.class})
class NotificationSenderTests {

    private static final SmtpPort SMTP = SmtpPort.free();

    private GreenMail smtp;

    @Autowired
    InquiryService inquiries;

    @Autowired
    OtherSenders senders;

    @Autowired
    NotificationSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
    }

    @BeforeEach
    void startSmtp() {
        jdbc.sql("DELETE FROM inquiry").update();
        smtp = SMTP.server();
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private String submit(String name) {
        return TestInquiry.anInquiry()
                .receivedAt(clock.instant())
                .from(name, "patient@example.org")
                .about(Reason.FIBROMYALGIA, "Private symptom details")
                .preferring(new PreferredTime(DayOfWeek.MONDAY, PreferredTime.DayPart.MORNING))
                .referredByPhysician(true)
                .submitTo(inquiries);
    }

    private Instant sentAt(String reference) {
        return jdbc.sql(
                        "SELECT n.sent_at FROM notification n JOIN inquiry i ON i.id = n.inquiry_id WHERE i.reference = :r")
                .param("r", reference)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant)
                .orElse(null);
    }

    private int attempts() {
        return jdbc.sql("SELECT attempts FROM notification")
                .query(Integer.class)
                .single();
    }

    private Instant nextAttemptAt() {
        return jdbc.sql("SELECT next_attempt_at FROM notification")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    @Test
    void staffAreToldOfANewInquiryWithoutAnyHealthData() throws Exception {
        String reference = submit("Harriet Vandermolen");

        sender.sendDue();

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(message.getSubject()).isEqualTo("New inquiry " + reference);
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("inquiries@clinic.example");
        assertThat(message.getFrom()).extracting(Object::toString).containsExactly("website@clinic.example");
        String body = GreenMailUtil.getBody(message);
        assertThat(body)
                .contains("Reason: Fibromyalgia", "https://clinic.example/staff/inquiries/" + reference, "Received: ");
        assertThat(body).doesNotContain("Harriet", "Vandermolen", "patient@example.org", "010 0142", "Private symptom");
        assertThat(sentAt(reference)).isNotNull();
    }

    @Test
    void whenSmtpIsDownTheNotificationWaitsAndIsSentOnceWhenItIsBack() {
        smtp.stop();
        String reference = submit("Ida Down");

        sender.sendDue();

        assertThat(attempts()).isEqualTo(1);
        assertThat(sentAt(reference)).isNull();
        assertThat(Duration.between(clock.instant(), nextAttemptAt()))
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(1));

        smtp.start();
        sender.sendDue();
        assertThat(smtp.getReceivedMessages()).as("not yet due").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        sender.sendDue();
        clock.advance(Duration.ofHours(2));
        sender.sendDue();

        assertThat(ReceivedMail.subjects(smtp)).containsExactly("New inquiry " + reference);
        assertThat(sentAt(reference)).isNotNull();
    }

    @Test
    void eachFailureDoublesTheWaitBeforeTheNextTry() {
        smtp.stop();
        submit("Jo Backoff");

        sender.sendDue();
        clock.advance(Duration.ofSeconds(31));
        sender.sendDue();

        assertThat(attempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), nextAttemptAt())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void oneRunSendsEverythingThatIsDueNotJustABatch() {
        List<String> references = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> submit("Patient " + i))
                .toList();

        sender.sendDue();

        assertThat(ReceivedMail.subjects(smtp))
                .containsExactlyInAnyOrderElementsOf(
                        references.stream().map(r -> "New inquiry " + r).toList());
    }

    @Test
    void twoSendersOnOneDatabaseNeverSendANotificationTwice() throws Exception {
        List<String> references = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> submit("Patient " + i))
                .toList();
        NotificationSender otherInstance = senders.anotherInstance();
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> await(start, sender));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> await(start, otherInstance));
        CompletableFuture.allOf(first, second).get();
        sender.sendDue();
        otherInstance.sendDue();

        assertThat(ReceivedMail.subjects(smtp))
                .hasSize(30)
                .containsExactlyInAnyOrderElementsOf(
                        references.stream().map(r -> "New inquiry " + r).toList());
    }

    private static void await(CyclicBarrier start, NotificationSender sender) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sender.sendDue();
    }
}
