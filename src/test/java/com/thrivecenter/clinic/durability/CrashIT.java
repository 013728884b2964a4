package com.thrivecenter.clinic.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.thrivecenter.clinic.inquiry.NewKeysetsCommand;
import com.thrivecenter.clinic.inquiry.notification.NotificationSender;
import com.thrivecenter.clinic.inquiry.notification.SlowSmtpProxy;
import com.thrivecenter.clinic.site.HttpPages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Nothing a patient was told we received is lost: 32 people send inquiries while the site's process is killed
 * ({@code kill -9}), twice; then the site is started again on the same data and stopped the ordinary way while
 * it sends the mail that waited. Every reference a patient saw on the thank-you page must be in the database
 * with its staff notification, and mail must not be sent twice, except for the few mails a crash can catch
 * between the SMTP server's answer and the site writing down that they were sent.
 */
class CrashIT {

    private static final int CLIENTS = 32;
    private static final int CRASHES = 2;
    private static final int SENDERS = 4;
    private static final int ACKNOWLEDGED_PER_ROUND = 150;
    private static final Pattern REFERENCE = Pattern.compile("reference=(TCH-[A-Z0-9]+)");
    private static final String SUBJECT = "New inquiry ";

    @TempDir
    Path temp;

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private SlowSmtpProxy slowSmtp;
    private SiteProcess site;
    private EmbeddedPostgres postgres;

    @AfterEach
    void leaveNothingRunning() throws IOException {
        if (site != null) {
            site.kill();
        }
        if (slowSmtp != null) {
            slowSmtp.close();
        }
        smtp.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void onTheDefaultDatabase() {
        Path data = temp.resolve("data");
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:file:" + data + "/clinic", "sa", "");
        crashTwiceThenStop(List.of("--clinic.data.dir=" + data), Map.of(), database);
    }

    @Test
    void onPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Map<String, String> environment = Map.of(
                "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "DATABASE_USER", "postgres",
                "DATABASE_PASSWORD", "");
        // The postgres profile generates no secrets: they are made and passed as in production.
        Path keys = temp.resolve("keys");
        assertThat(NewKeysetsCommand.run(new String[] {NewKeysetsCommand.OPTION, keys.toString()}, System.out))
                .isZero();
        crashTwiceThenStop(
                List.of(
                        "--spring.profiles.active=postgres",
                        "--clinic.data.dir=" + temp.resolve("data"),
                        "--clinic.inquiries.secret=crash-test-inquiry-secret",
                        "--clinic.data.audit-key=crash-test-audit-key",
                        "--clinic.data.keyset=" + keys.resolve("data-keyset.json"),
                        "--clinic.data.index-keyset=" + keys.resolve("index-keyset.json")),
                environment,
                postgres.getPostgresDatabase());
    }

    private void crashTwiceThenStop(
            List<String> databaseArguments, Map<String, String> environment, DataSource database) {
        smtp.start();
        // About a third of a second per mail: mail is still being sent when the site is killed.
        slowSmtp = new SlowSmtpProxy(smtp.getSmtp().getPort(), Duration.ofMillis(50));
        List<String> arguments = new ArrayList<>(databaseArguments);
        arguments.addAll(List.of(
                "--clinic.content.dir="
                        + Path.of("src/test/resources/fixture-content").toAbsolutePath(),
                // The fixtures are read only: the site must not make their folder a Git repository.
                "--clinic.content.history=false",
                "--clinic.inquiries.min-fill-time=0s",
                "--clinic.inquiries.rate-limit-max=100000",
                "--clinic.inquiries.poll-interval=200ms",
                "--clinic.inquiries.senders=" + SENDERS,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + slowSmtp.port()));
        Function<Integer, SiteProcess> start =
                round -> SiteProcess.start(arguments, environment, temp.resolve("site-" + round + ".log"));

        for (int round = 1; round <= CRASHES; round++) {
            site = start.apply(round);
            underLoad(site, () -> site.kill());
        }
        site = start.apply(CRASHES + 1);
        int mailedBefore = smtp.getReceivedMessages().length;
        awaitMail(mailedBefore + 10);
        site.stop();
        String lastRun = site.output();
        site = null;

        JdbcClient jdbc = JdbcClient.create(database);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(CRASHES * ACKNOWLEDGED_PER_ROUND);
        assertThat(jdbc.sql("SELECT reference FROM inquiry").query(String.class).set())
                .as("every reference a patient was shown is stored")
                .containsAll(acknowledged);
        assertThat(jdbc.sql(
                                """
                        SELECT i.reference FROM inquiry i JOIN notification n ON n.inquiry_id = i.id
                        WHERE n.kind = 'STAFF'""")
                        .query(String.class)
                        .set())
                .as("every stored inquiry has its staff notification")
                .containsAll(acknowledged);
        assertThat(lastRun)
                .as("the site stops cleanly while sending")
                .doesNotContain("Database is already closed")
                .doesNotContain(" ERROR ");

        Map<String, Long> mailsPerReference = Arrays.stream(smtp.getReceivedMessages())
                .map(CrashIT::subject)
                .filter(subject -> subject.startsWith(SUBJECT))
                .collect(Collectors.groupingBy(subject -> subject.substring(SUBJECT.length()), Collectors.counting()));
        Set<String> recordedAsSent = jdbc.sql(
                        """
                        SELECT i.reference FROM inquiry i JOIN notification n ON n.inquiry_id = i.id
                        WHERE n.kind = 'STAFF' AND n.sent_at IS NOT NULL""")
                .query(String.class)
                .set();
        assertThat(mailsPerReference.keySet())
                .as("the last, orderly stop wrote down every mail it sent")
                .containsAll(recordedAsSent);
        // A kill can fall between the SMTP server accepting a mail and the site recording it: that mail is sent
        // again after the restart (or is still waiting to be). Each sender records its mails a few to a
        // transaction, so each crash can cost at most that many per sender.
        List<String> sentTwiceOrUnrecorded = mailsPerReference.entrySet().stream()
                .filter(mailed -> mailed.getValue() > 1 || !recordedAsSent.contains(mailed.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(sentTwiceOrUnrecorded)
                .as("mail sent again after a crash")
                .hasSizeLessThanOrEqualTo(CRASHES * SENDERS * NotificationSender.MAILS_PER_TRANSACTION);
        // A mail sent again after the first restart is among the first the restarted site sends, so the second
        // crash can catch it too: once more per crash at most.
        assertThat(mailsPerReference.values()).allMatch(count -> count <= 1 + CRASHES);
    }

    /** Patients keep sending until enough of them have seen the thank-you page, then {@code crash} happens mid-stream. */
    private void underLoad(SiteProcess running, Runnable crash) {
        int before = acknowledged.size();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService patients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            patients.submit(() -> keepSending(new HttpPages(running.port()), sending));
        }
        await(() -> acknowledged.size() >= before + ACKNOWLEDGED_PER_ROUND, Duration.ofSeconds(60));
        crash.run();
        sending.set(false);
        patients.shutdown();
        try {
            assertThat(patients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One patient's browser: open the form, send it, note the reference of each thank-you page it is sent to. */
    private void keepSending(HttpPages browser, AtomicBoolean sending) {
        while (sending.get()) {
            try {
                HttpResponse<String> sent =
                        browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));
                if (sent.statusCode() == 303) {
                    Matcher reference = REFERENCE.matcher(
                            sent.headers().firstValue("Location").orElseThrow());
                    if (reference.find()) {
                        acknowledged.add(reference.group(1));
                    }
                }
            } catch (UncheckedIOException e) {
                return;
            }
        }
    }

    private void awaitMail(int count) {
        await(() -> smtp.getReceivedMessages().length >= count, Duration.ofSeconds(60));
    }

    private static void await(Supplier<Boolean> condition, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not reached within " + within);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
