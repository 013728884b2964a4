package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies are read without holding a request thread: clients that trickle a body byte by byte cannot starve
 * the site, and a body that takes too long or is too large gets the site's page. Bodies read this way still reach
 * the application whole, behind its CSRF protection.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.limits.body-timeout=5s",
            "clinic.inquiries.min-fill-time=0s",
            "clinic.inquiries.rate-limit-max=100",
            "clinic.staff.admin-password=" + RequestBodiesIT.ADMIN_PASSWORD
        })
class RequestBodiesIT {

    static final String ADMIN_PASSWORD = "slow-body-admin-password";

    // More than Tomcat's 200 request threads: before bodies were read without a thread, these took them all.
    private static final int TRICKLERS = 300;
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Test
    void clientsTricklingBodiesLeaveEveryoneElseServedAndAreAnsweredAfterTheDeadline() throws Exception {
        HttpPages visitor = new HttpPages(port);
        List<String> pages = List.of("/", "/migraine/stages");
        pages.forEach(visitor::get); // rendered once and cached, as on a site that has been up for a while
        List<Socket> tricklers = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            Instant start = Instant.now();
            for (int i = 0; i < TRICKLERS; i++) {
                tricklers.add(startSlowContactPost(5000));
            }
            // One byte every two seconds: never idle long enough for Tomcat's per-read connection timeout.
            trickle.scheduleAtFixedRate(
                    () -> tricklers.forEach(RequestBodiesIT::sendOneMoreByte), 2, 2, TimeUnit.SECONDS);

            int answered = 0;
            while (Instant.now().isBefore(start.plus(BODY_TIMEOUT))) {
                for (String page : pages) {
                    assertThat(timedGet(visitor, page).statusCode()).as(page).isEqualTo(200);
                    answered++;
                }
            }
            assertThat(answered).as("pages answered while the bodies trickled").isGreaterThanOrEqualTo(4);

            trickle.shutdownNow();
            assertThat(trickle.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            // Tomcat looks for expired requests once a second; the rest is room for a busy machine.
            Instant answersDue = start.plus(BODY_TIMEOUT).plusSeconds(10);
            int timeoutPages = 0;
            for (Socket trickler : tricklers) {
                String answer = readAnswer(trickler, answersDue);
                assertThat(answer)
                        .as("a trickler is answered 408 or disconnected")
                        .satisfiesAnyOf(text -> assertThat(text).isEmpty(), text -> assertThat(text)
                                .startsWith("HTTP/1.1 408 "));
                if (!answer.isEmpty()) {
                    assertThat(sitePage(answer).select("h1").text()).isEqualTo("That took too long to arrive");
                    timeoutPages++;
                }
            }
            assertThat(timeoutPages)
                    .as("tricklers that read the site's 408 page")
                    .isPositive();
        } finally {
            trickle.shutdownNow();
            for (Socket trickler : tricklers) {
                trickler.close();
            }
        }
    }

    @Test
    void aTricklingBodyDeclaredTooLargeIsRefusedAtOnce() throws IOException {
        try (Socket socket = startSlowContactPost(100_000)) {
            String answer = readAnswer(socket, Instant.now().plusSeconds(3));

            assertThat(answer).startsWith("HTTP/1.1 413 ");
            assertThat(sitePage(answer).select("h1").text()).isEqualTo("That was too much to send");
        }
    }

    @Test
    void aBodyForAPathThatCanNameNoPageGetsTheSitesNotFoundPage() {
        HttpPages browser = new HttpPages(port);
        HttpResponse<String> response = browser.send(browser.request("/contact%2f..%2fstaff")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x"))
                .build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(HttpPages.html(response).select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void anInquiryIsReceivedWhetherItsLengthIsDeclaredOrNot() {
        HttpPages browser = new HttpPages(port);
        HttpResponse<String> declared =
                browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));

        assertThat(declared.statusCode()).isEqualTo(303);
        String thanks = declared.headers().firstValue("Location").orElseThrow();
        assertThat(thanks).startsWith("/contact/thanks?");
        assertThat(HttpPages.html(browser.get(thanks)).select(".reference").text())
                .startsWith("TCH-");

        String body = formBody(HttpPages.validInquiry(browser.openForm("/contact")));
        HttpResponse<String> chunked = browser.send(browser.request("/contact")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(body)))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(303);
    }

    @Test
    void staffSignInWorksAndAStaffFormWithoutItsCsrfTokenIsStillRefused() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> login = browser.openForm("/staff/login");
        login.put("email", List.of("admin@example.com"));
        login.put("password", List.of(ADMIN_PASSWORD));
        HttpResponse<String> signedIn = browser.postForm("/staff/login", login);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff"));
        assertThat(HttpPages.html(browser.get("/staff")).select("h1").text()).isEqualTo("Inquiries");

        HttpResponse<String> forged = browser.postForm("/staff/logout", Map.of("reason", List.of("forged")));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(HttpPages.html(forged).select("h1").text()).isEqualTo("That request was not accepted");
        assertThat(HttpPages.html(browser.get("/staff")).select("h1").text())
                .as("still signed in")
                .isEqualTo("Inquiries");
    }

    @Test
    void aPatientsFormWithoutItsCsrfTokenIsStillRefused() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = HttpPages.validInquiry(browser.openForm("/contact"));
        fields.remove("_csrf");

        HttpResponse<String> refused = browser.postForm("/contact", fields);

        assertThat(refused.statusCode()).isEqualTo(403);
        // The form comes back with what was typed and a new token, so sending it again works.
        assertThat(HttpPages.html(refused).select("main").text())
                .contains("we could not accept the form as it was sent");
        assertThat(HttpPages.html(refused).select("input[name=name]").val()).isEqualTo("Rosa Example");
    }

    @Test
    void aBodyTooLargeToAcceptGetsTheSitesPage() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = HttpPages.validInquiry(browser.openForm("/contact"));
        fields.put("message", List.of("x".repeat(65 * 1024)));

        HttpResponse<String> refused = browser.postForm("/contact", fields);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(HttpPages.html(refused).select("h1").text()).isEqualTo("That was too much to send");
    }

    /** Headers of a form post that promise a body, and its first byte. */
    private Socket startSlowContactPost(int contentLength) throws IOException {
        Socket socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /contact HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + contentLength + "\r\n\r\nm")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Sends one more byte of the body, until the site has answered or closed the connection. */
    private static void sendOneMoreByte(Socket socket) {
        try {
            if (socket.getInputStream().available() == 0) {
                socket.getOutputStream().write('m');
                socket.getOutputStream().flush();
            }
        } catch (IOException closedBySite) {
            // The site is done with this client; the test reads its answer.
        }
    }

    /** Everything the site sends until it closes the connection; empty if it closed it without a word. */
    private static String readAnswer(Socket socket, Instant deadline) throws IOException {
        socket.setSoTimeout(
                (int) Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            // The page comes at once; the connection may stay open while the rest of a refused body is dropped.
            int read;
            while (!answer.toString().contains("</html>") && (read = in.read(buffer)) != -1) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException stillOpen) {
            fail("no answer and no disconnection by " + deadline + ": " + answer);
        } catch (IOException reset) {
            // A connection reset after the answer, because the rest of the body was never read.
        }
        return answer.toString();
    }

    private HttpResponse<String> timedGet(HttpPages visitor, String path) {
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = visitor.send(
                    visitor.request(path).timeout(Duration.ofSeconds(3)).build());
            assertThat(Duration.between(sent, Instant.now()))
                    .as(path + " answered")
                    .isLessThan(Duration.ofSeconds(1));
            return response;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                fail(path + " was not answered within 3 s while bodies trickled");
            }
            throw e;
        }
    }

    private static Document sitePage(String httpAnswer) {
        return Jsoup.parse(httpAnswer.substring(httpAnswer.indexOf("\r\n\r\n") + 4));
    }

    private static String formBody(Map<String, List<String>> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return body.toString();
    }
}
