package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.FreePorts;
import com.thrivecenter.clinic.SiteInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deployment recipe under a rolling restart: Debian's nginx with deploy/nginx.conf in front of two instances on
 * one PostgreSQL. While a patient keeps opening pages and sending the contact form through nginx, instance A shuts
 * down gracefully and starts again, then B. Every page answers 200; every form post is either accepted (303, and
 * its inquiry is in the database) or answered with the clinic's own retry page (503), never another error.
 */
class RollingRestartIT {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();
    private static final List<String> PAGES = List.of("/", "/faq", "/migraine/stages", "/contact");
    private static final Pattern REFERENCE = Pattern.compile("reference=(TCH-\\w+)");

    @TempDir
    static Path folder;

    private static int portA;
    private static int portB;
    private static int nginxPort;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static RecipeNginx nginx;

    @BeforeAll
    static void start() throws IOException {
        portA = FreePorts.any();
        portB = FreePorts.any();
        nginxPort = FreePorts.any();
        // One after the other, as deploy/two-instances.sh does: the first runs the migrations.
        a = instance("a", portA);
        b = instance("b", portB);
        nginx = RecipeNginx.start(folder.resolve("nginx"), nginxPort, portA, portB, config -> config);
        HttpPages visitor = new HttpPages(nginxPort);
        awaitUntil(() -> nginx.isAlive() && statusOrZero(visitor, "/") == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        POSTGRES.close();
    }

    private static ConfigurableApplicationContext instance(String name, int port) {
        return SiteInstance.start(
                        POSTGRES,
                        Map.of(
                                "server.port",
                                port,
                                "clinic.data.dir",
                                folder.resolve(name),
                                "clinic.base-url",
                                "http://localhost:" + nginxPort,
                                "clinic.shutdown.drain",
                                "1s",
                                "clinic.inquiries.min-fill-time",
                                "0s",
                                // Every post comes from one address; this test is not about the rate limit.
                                "clinic.inquiries.rate-limit-max",
                                100000))
                .context();
    }

    @Test
    void pagesAndInquiriesKeepWorkingWhileEachInstanceRestartsInTurn() throws Exception {
        Patient patient = new Patient(new HttpPages(nginxPort));
        Thread visits = new Thread(patient);
        visits.start();
        awaitUntil(() -> patient.accepted.size() >= 3);

        a.close();
        a = instance("a", portA);
        awaitTrafficTo(portA);
        b.close();
        b = instance("b", portB);
        awaitTrafficTo(portB);
        int acceptedBefore = patient.accepted.size();
        awaitUntil(() -> patient.accepted.size() > acceptedBefore);

        patient.stop.set(true);
        visits.join(Duration.ofSeconds(30).toMillis());
        assertThat(patient.unexpected)
                .as("answers other than 200, 303 and the retry page")
                .isEmpty();
        assertThat(patient.pages.get()).isPositive();
        List<String> stored = a.getBean(JdbcClient.class)
                .sql("SELECT reference FROM inquiry")
                .query(String.class)
                .list();
        assertThat(stored).as("every acknowledged inquiry").containsAll(patient.accepted);
        assertThat(patient.retryPages)
                .allSatisfy(page ->
                        assertThat(HttpPages.html(page).select("h1").text()).isEqualTo("Please try again in a moment"))
                .allSatisfy(page ->
                        assertThat(page.headers().firstValue("Retry-After")).hasValue("30"));
    }

    /** Waits until nginx has sent a request to the restarted instance and had its answer (nginx's access log). */
    private static void awaitTrafficTo(int port) {
        long seen = nginx.accessLog().size();
        String answered = "upstream=127.0.0.1:" + port + " upstream_status=";
        awaitUntil(() -> nginx.accessLog().stream()
                .skip(seen)
                .anyMatch(line -> line.contains(answered + "200") || line.contains(answered + "303")));
    }

    /** Opens pages and sends the contact form through nginx, in a loop, noting every answer. */
    private static final class Patient implements Runnable {
        final HttpPages browser;
        final AtomicBoolean stop = new AtomicBoolean();
        final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<HttpResponse<String>> retryPages = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        final AtomicInteger pages = new AtomicInteger();

        Patient(HttpPages browser) {
            this.browser = browser;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                try {
                    for (String path : PAGES) {
                        expectPage(path);
                    }
                    sendInquiry();
                } catch (RuntimeException e) {
                    unexpected.add(e.toString());
                }
            }
        }

        private void expectPage(String path) {
            int status = browser.get(path).statusCode();
            pages.incrementAndGet();
            if (status != 200) {
                unexpected.add("GET " + path + " " + status);
            }
        }

        private void sendInquiry() {
            HttpResponse<String> opened = browser.get("/contact");
            if (opened.statusCode() != 200) {
                unexpected.add("GET /contact (the form) " + opened.statusCode());
                return;
            }
            Map<String, List<String>> form = new LinkedHashMap<>();
            HttpPages.html(opened)
                    .select("form input[type=hidden]")
                    .forEach(input -> form.put(input.attr("name"), List.of(input.val())));
            HttpResponse<String> sent = browser.postForm("/contact", HttpPages.validInquiry(form));
            if (sent.statusCode() == 303) {
                Matcher reference =
                        REFERENCE.matcher(sent.headers().firstValue("Location").orElse(""));
                if (reference.find()) {
                    accepted.add(reference.group(1));
                } else {
                    unexpected.add("POST /contact 303 to " + sent.headers().firstValue("Location"));
                }
            } else if (sent.statusCode() == 503) {
                retryPages.add(sent);
            } else {
                unexpected.add("POST /contact " + sent.statusCode());
            }
        }
    }

    private static int statusOrZero(HttpPages client, String path) {
        try {
            return client.get(path).statusCode();
        } catch (UncheckedIOException notYetListening) {
            return 0;
        }
    }

    private static void awaitUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            // Polls every 20 ms rather than spinning: the instances starting meanwhile need the processor.
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
