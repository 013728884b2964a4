package com.thrivecenter.clinic.inquiry.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.MailServer;
import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the site sending from one outbox through an SMTP server that takes its time over every
 * reply. Each reply also moves the site's clock on by ten seconds, so one mail takes over a minute of the
 * site's time: a sender that held a batch of rows for a fixed time would see its hold run out mid-batch.
 * Subclasses choose the database.
 */
abstract class SlowSmtpServerContract {

    private static final int MAILS = 24;
    private static final Duration DELAY_PER_REPLY = Duration.ofMillis(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final String ONE = "one@clinic.example";
    private static final String OTHER = "other@clinic.example";

    @Autowired
    InquiryService inquiries;

    @Autowired
    NotificationRepository repository;

    @Autowired
    ClinicProperties clinic;

    @Autowired
    InquiryProperties properties;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private GreenMail smtp;
    private SlowSmtpProxy slowServer;

    @BeforeEach
    void startSlowSmtpServer() {
        jdbc.sql("DELETE FROM inquiry").update();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        slowServer = new SlowSmtpProxy(
                smtp.getSmtp().getPort(), DELAY_PER_REPLY, () -> clock.advance(Duration.ofSeconds(10)));
    }

    @AfterEach
    void stopSlowSmtpServer() {
        slowServer.close();
        smtp.stop();
    }

    @Test
    void twoSendersShareTheWorkAndEveryMailArrivesExactlyOnce() throws Exception {
        List<String> references =
                IntStream.range(0, MAILS).mapToObj(i -> submit()).toList();
        NotificationSender one = instance(ONE);
        NotificationSender other = instance(OTHER);

        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> sendUntilNothingWaits(one)),
                        CompletableFuture.runAsync(() -> sendUntilNothingWaits(other)))
                .get();

        assertThat(ReceivedMail.subjects(smtp))
                .hasSize(MAILS)
                .containsExactlyInAnyOrderElementsOf(
                        references.stream().map(r -> "New inquiry " + r).toList());
        List<String> senders = ReceivedMail.senders(smtp);
        assertThat(senders).containsOnly(ONE, OTHER);
        assertWorkWasShared(Collections.frequency(senders, ONE), Collections.frequency(senders, OTHER));
    }

    /**
     * Both senders took rows. Only PostgreSQL promises it: H2 may take the first due row before skipping locked
     * ones and answer "none due" while another sender holds it, which is safe, only not parallel.
     */
    void assertWorkWasShared(int sentByOne, int sentByOther) {}

    /** What the scheduler does on each instance: run the sender every so often while mail waits. */
    private void sendUntilNothingWaits(NotificationSender sender) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (waiting() > 0 && Instant.now().isBefore(deadline)) {
            sender.sendDue();
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE sent_at IS NULL")
                .query(Integer.class)
                .single();
    }

    /**
     * Another instance of the site: its own sender and SMTP client, the same database. Its mail comes from an
     * address of its own, so what arrived tells which instance sent it.
     */
    private NotificationSender instance(String mailFrom) {
        JavaMailSenderImpl smtpClient = new JavaMailSenderImpl();
        smtpClient.setHost("127.0.0.1");
        smtpClient.setPort(slowServer.port());
        var mailServer = new MailServer(new StaticListableBeanFactory(Map.of("mailSender", smtpClient))
                .getBeanProvider(JavaMailSenderImpl.class));
        InquiryProperties sendingFrom = new InquiryProperties(
                properties.notifyTo(),
                mailFrom,
                properties.acknowledge(),
                properties.minFillTime(),
                properties.rateLimitMax(),
                properties.rateLimitWindow(),
                properties.secret(),
                properties.retryDelay(),
                properties.pollInterval(),
                properties.senders());
        return new NotificationSender(
                repository, new NotificationMail(clinic, sendingFrom), mailServer, properties, transaction, clock);
    }

    private String submit() {
        return TestInquiry.anInquiry().receivedAt(clock.instant()).submitTo(inquiries);
    }
}
