package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A burst of mail (a staff notice and a patient's receipt per inquiry) goes out over one SMTP connection per
 * sender (two, the default), and a server that drops a connection or goes away mid-burst costs no mail and sends
 * none twice.
 */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.inquiries.acknowledge=true",
            "clinic.inquiries.notify-to=inquiries@clinic.example",
            "clinic.inquiries.retry-delay=30s"
        })
@Import({TestClockConfig.class, OtherSenders.class})
class BurstSendingTests {

    private static final int INQUIRIES = 30;
    private static final SmtpPort GREENMAIL = SmtpPort.free();
    private static final SmtpProxy SMTP = new SmtpProxy(GREENMAIL.port());

    @Autowired
    InquiryService inquiries;

    @Autowired
    NotificationSender sender;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OtherSenders senders;

    private final GreenMail greenMail = GREENMAIL.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @BeforeEach
    void startSmtp() {
        jdbc.sql("DELETE FROM inquiry").update();
        SMTP.reset();
        greenMail.start();
    }

    @AfterEach
    void stopSmtp() {
        greenMail.stop();
    }

    @AfterAll
    static void stopProxy() {
        SMTP.close();
    }

    @Test
    void aBurstGoesOutOverOneConnectionPerSenderAndEachMailArrivesOnce() {
        List<String> expected = submitBurst();

        sender.sendDue();

        assertThat(ReceivedMail.subjects(greenMail)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(SMTP.connections()).as("the two senders share the burst").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE sent_at IS NULL"))
                .isZero();
    }

    @Test
    void aConnectionTheServerDroppedIsOpenedAgainWithoutAFailure() {
        List<String> expected = submitBurst();
        SMTP.dropConnectionAtMail(17);

        sender.sendDue();

        assertThat(ReceivedMail.subjects(greenMail)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(SMTP.connections()).as("one connection opened again").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE attempts > 0 OR sent_at IS NULL"))
                .isZero();
    }

    @Test
    void smtpGoingAwayMidBurstAndComingBackDeliversEachMailOnce() {
        List<String> expected = submitBurst();
        SMTP.goDownAtMail(17);

        sender.sendDue();

        // The senders whose connections were already open go on; the cut one's mail waits for its retry.
        assertThat(ReceivedMail.subjects(greenMail)).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(16);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE sent_at IS NULL"))
                .isEqualTo(expected.size() - ReceivedMail.subjects(greenMail).size())
                .isEqualTo(count("SELECT COUNT(*) FROM notification WHERE attempts = 1 AND sent_at IS NULL"))
                .isPositive();

        SMTP.up();
        sender.sendDue();
        clock.advance(Duration.ofSeconds(31));
        sender.sendDue();

        assertThat(ReceivedMail.subjects(greenMail)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE sent_at IS NULL"))
                .isZero();
    }

    @Test
    void aFailureInTheMiddleOfATransactionLeavesTheMailsSentBeforeItRecordedAsSent() {
        List<String> expected = submitBurst();
        // One sender, so the mail that fails is the fourth of the eight its first transaction locked.
        NotificationSender oneSender = senders.withSenders(1);
        SMTP.goDownAtMail(4);

        oneSender.sendDue();

        assertThat(ReceivedMail.subjects(greenMail)).hasSize(3);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE sent_at IS NOT NULL"))
                .as("each mail the server took is recorded as sent")
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE attempts = 1"))
                .isEqualTo(1);

        SMTP.up();
        clock.advance(Duration.ofSeconds(31));
        oneSender.sendDue();

        assertThat(ReceivedMail.subjects(greenMail)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The subjects of the mails the inquiries make: two each, as the receipt is on. */
    private List<String> submitBurst() {
        return IntStream.range(0, INQUIRIES)
                .mapToObj(i -> TestInquiry.anInquiry()
                        .receivedAt(clock.instant())
                        .from("Patient " + i, "patient" + i + "@example.org")
                        .submitTo(inquiries))
                .flatMap(reference -> Stream.of("New inquiry " + reference, "We received your inquiry " + reference))
                .toList();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
