package com.thrivecenter.clinic.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.site.HttpPages;
import com.thrivecenter.clinic.staff.inbox.RetentionJob;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the site, A and B, on one PostgreSQL, as behind a load balancer: the outbox sends each mail
 * once although both send, the nightly retention runs once although both schedule it, and the contact form's rate
 * limit counts a sender's inquiries whichever instance takes them. Each instance sends from its own address, so a
 * mail tells which one sent it.
 */
class MultipleInstancesIT {

    private static final String STAFF = "staff@thrive.example";

    @TempDir
    static Path data;

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();
    private static int smtpPort;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static GreenMail smtp;

    @BeforeAll
    static void start() throws IOException {
        // Nothing listens here until the mail test starts an SMTP server on it: until then, SMTP is down.
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        a = TwoInstances.start(POSTGRES, data.resolve("a"), settings("a"));
        b = TwoInstances.start(POSTGRES, data.resolve("b"), settings("b"));
    }

    private static Map<String, Object> settings(String instance) {
        return Map.of(
                "clinic.inquiries.min-fill-time", "0s",
                "clinic.inquiries.poll-interval", "100ms",
                "clinic.inquiries.retry-delay", "200ms",
                "clinic.inquiries.notify-to", STAFF,
                "clinic.inquiries.mail-from", "instance-" + instance + "@thrive.example",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtpPort));
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
            if (smtp != null) {
                smtp.stop();
            }
        } finally {
            POSTGRES.close();
        }
    }

    @Test
    void twoHundredInquiriesSentToBothWhileSmtpIsDownArriveOnceEachWhenItIsBack() throws Exception {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // Opened on one instance and sent to the other, as a load balancer may route a patient; each from an
            // address of its own, so the rate limit stays out of the way.
            ConfigurableApplicationContext opens = i % 2 == 0 ? a : b;
            ConfigurableApplicationContext takes = i % 2 == 0 ? b : a;
            HttpResponse<String> sent = send(opens, takes, "198.51.100." + i);
            assertThat(sent.statusCode()).as("inquiry %d", i).isEqualTo(303);
            references.add(reference(sent));
        }
        assertThat(references).doesNotHaveDuplicates();
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        waitFor(
                "both instances trying to send while SMTP is down",
                () -> count(jdbc, "SELECT COUNT(*) FROM notification WHERE attempts > 0"),
                20);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM notification WHERE sent_at IS NOT NULL"))
                .isZero();

        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        waitFor(
                "every notification sent",
                () -> count(jdbc, "SELECT COUNT(*) FROM notification WHERE sent_at IS NULL"),
                0);

        List<MimeMessage> received = Arrays.asList(smtp.getReceivedMessages());
        assertThat(received)
                .as("one mail per notification, none twice")
                .hasSize(count(jdbc, "SELECT COUNT(*) FROM notification"));
        Map<String, Long> mailsPerReference = received.stream()
                .map(MultipleInstancesIT::subject)
                .filter(subject -> subject.startsWith("New inquiry "))
                .collect(Collectors.groupingBy(
                        subject -> subject.substring("New inquiry ".length()), Collectors.counting()));
        assertThat(references).allSatisfy(reference -> assertThat(mailsPerReference.get(reference))
                .as("mails for %s", reference)
                .isEqualTo(1L));
        Map<String, Long> senders =
                received.stream().collect(Collectors.groupingBy(MultipleInstancesIT::sender, Collectors.counting()));
        assertThat(senders)
                .as("both instances sent")
                .containsOnlyKeys("instance-a@thrive.example", "instance-b@thrive.example");
        assertThat(received).allSatisfy(mail -> assertThat(recipients(mail)).containsExactly(STAFF));
    }

    @Test
    void theNightlyRetentionRunsOnceThoughBothInstancesRunItAtOnceAndAgainSecondsLater() throws Exception {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        String retentionRuns = "SELECT COUNT(*) FROM audit_event WHERE action = 'INQUIRIES_DELETED_BY_RETENTION'";
        assertThat(count(jdbc, retentionRuns)).isZero();
        RetentionJob onA = a.getBean(RetentionJob.class);
        RetentionJob onB = b.getBean(RetentionJob.class);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> runs = List.of(onA, onB).stream()
                    .map(job -> CompletableFuture.runAsync(
                            () -> {
                                await(go);
                                job.deleteExpired();
                            },
                            both))
                    .toList();
            go.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        } finally {
            both.shutdown();
        }
        // Cron triggers on instances whose clocks are a few seconds apart: each runs once more, after the first run.
        onB.deleteExpired();
        onA.deleteExpired();

        assertThat(count(jdbc, retentionRuns)).isEqualTo(1);
    }

    @Test
    void oneSendersInquiriesCountTogetherWhicheverInstanceTakesThem() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(send(a, i % 2 == 0 ? a : b, "192.0.2.77").statusCode());
        }
        assertThat(statuses).containsOnly(303);

        for (ConfigurableApplicationContext instance : List.of(a, b)) {
            HttpResponse<String> refused = send(instance, instance, "192.0.2.77");

            assertThat(refused.statusCode()).isEqualTo(429);
            Document page = HttpPages.html(refused);
            assertThat(page.select("input[name=name]").val())
                    .as("what was typed")
                    .isEqualTo("Rosa Example");
            assertThat(page.select("textarea[name=message]").text()).startsWith("Evenings are worst");
        }
    }

    /** A patient opens the form on one instance and sends it to another, from the given network address. */
    private static HttpResponse<String> send(
            ConfigurableApplicationContext opens, ConfigurableApplicationContext takes, String clientAddress) {
        HttpPages browser = new HttpPages(TwoInstances.port(opens));
        Map<String, List<String>> form = HttpPages.validInquiry(browser.openForm("/contact"));
        HttpPages other = new HttpPages(TwoInstances.port(takes));
        return other.send(other.formPost("/contact", form)
                // The postgres profile believes a proxy on this machine: the address a load balancer passes on.
                .header("X-Forwarded-For", clientAddress)
                .header("Cookie", browser.cookieHeader())
                .build());
    }

    private static String reference(HttpResponse<String> sent) {
        String thanks = sent.headers().firstValue("Location").orElseThrow();
        return thanks.replaceAll(".*[?&]reference=([^&]+).*", "$1");
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static void waitFor(String what, IntSupplier actual, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (expected == 0 ? actual.getAsInt() != 0 : actual.getAsInt() < expected) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        return read(mail, MimeMessage::getSubject);
    }

    private static String sender(MimeMessage mail) {
        return read(mail, message -> message.getFrom()[0].toString());
    }

    private static List<String> recipients(MimeMessage mail) {
        return read(mail, message -> Arrays.stream(message.getAllRecipients())
                .map(Address::toString)
                .toList());
    }

    private interface MailPart<T> {
        T of(MimeMessage mail) throws MessagingException;
    }

    private static <T> T read(MimeMessage mail, MailPart<T> part) {
        try {
            return part.of(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
