package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Caching, compression, security headers and limits, as a browser or an attacker meets them over HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.jetty.connection-idle-timeout=2s")
class HttpBehaviourIT {

    @LocalServerPort
    int port;

    private HttpPages http() {
        return new HttpPages(port);
    }

    private HttpResponse<byte[]> bytes(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void contentPagesAreCacheableAndAMatchingConditionalGetIsNotModified() {
        HttpResponse<String> first = http().get("/migraine/stages");
        String etag = header(first, "ETag");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
        assertThat(header(first, "Cache-Control"))
                .contains("public")
                .contains("max-age=300")
                .doesNotContain("no-store");

        HttpResponse<String> again = http().send(http().request("/migraine/stages")
                .header("If-None-Match", etag)
                .build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<String> head = http().send(http().request("/migraine/stages")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "ETag")).isEqualTo(etag);

        HttpResponse<String> stale = http().send(http().request("/migraine/stages")
                .header("If-None-Match", "W/\"0000\"")
                .build());
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(header(http().get("/faq"), "ETag")).isNotEqualTo(etag);
    }

    @Test
    void pagesAreGzippedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> plain = bytes(http().request("/migraine/stages").build());
        HttpResponse<byte[]> gzipped = bytes(http().request("/migraine/stages")
                .header("Accept-Encoding", "gzip, deflate")
                .build());

        assertThat(header(plain, "Content-Encoding")).isEmpty();
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gzipped, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
        }
        HttpResponse<byte[]> css = bytes(http().request("/css/site.css")
                .header("Accept-Encoding", "gzip")
                .build());
        assertThat(header(css, "Content-Encoding"))
                .as("other text is compressed on the fly")
                .isEqualTo("gzip");
    }

    @Test
    void staticFilesAreNamedByTheirContentAndKeptForAYear() {
        String stylesheet =
                HttpPages.html(http().get("/")).select("link[rel=stylesheet]").attr("href");

        assertThat(stylesheet).matches("/css/site-[0-9a-f]{32}\\.css");
        HttpResponse<String> css = http().get(stylesheet);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(header(css, "Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(header(css, "Content-Type")).startsWith("text/css");
    }

    @Test
    void theFormItsAnswersAndTheStaffAreaAreNeverStored() {
        HttpPages browser = http();
        assertThat(header(browser.get("/contact"), "Cache-Control")).contains("no-store");
        HttpResponse<String> sent = browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));
        assertThat(header(sent, "Cache-Control")).contains("no-store");
        for (String path : List.of("/contact/thanks", "/staff/login", "/staff")) {
            assertThat(header(browser.get(path), "Cache-Control")).as(path).contains("no-store");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        List<HttpResponse<String>> responses = List.of(
                http().get("/"),
                http().get("/no-such-page"),
                http().get("/staff/login"),
                http().get("/staff"),
                http().get("/%2e%2e/etc/passwd"),
                http().get("/contact"),
                http().get("/sitemap.xml"));
        for (HttpResponse<String> response : responses) {
            String what = response.uri() + " (" + response.statusCode() + ")";
            assertThat(header(response, "Content-Security-Policy"))
                    .as(what)
                    .isEqualTo(
                            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                                    + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
            assertThat(header(response, "X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(header(response, "Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
            assertThat(header(response, "Permissions-Policy"))
                    .as(what)
                    .isEqualTo("camera=(), microphone=(), geolocation=()");
            assertThat(response.headers().firstValue("Server")).as(what).isEmpty();
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as("no HSTS over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void onlyTheHealthEndpointIsPublic() {
        // A monitor asks for JSON, as any client without a preference does.
        HttpResponse<String> health =
                http().send(http().request("/actuator/health").build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details", "components");
        for (String path :
                List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/h2-console")) {
            assertThat(http().get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void oversizedHeadersAndBodiesAreRefused() {
        HttpResponse<String> bigHeaders = http().send(http().request("/")
                .header("X-Padding", "x".repeat(17 * 1024))
                .build());
        assertThat(bigHeaders.statusCode()).isIn(400, 431);
        assertThat(HttpPages.html(bigHeaders).select("h1").text()).isEqualTo("That request was not accepted");

        HttpResponse<String> bigBody = http().send(http().request("/contact")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("message=" + "x".repeat(65 * 1024)))
                .build());
        assertThat(bigBody.statusCode()).isEqualTo(413);
        assertThat(HttpPages.html(bigBody).select("h1").text()).isEqualTo("That was too much to send");
    }

    @Test
    void aClientThatStopsSendingIsDisconnected() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Instant start = Instant.now();

            byte[] answer = socket.getInputStream().readAllBytes();

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
            assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
    }
}
