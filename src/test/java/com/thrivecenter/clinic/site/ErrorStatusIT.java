package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every way a request can be refused, written on the socket as a client might send it: each answer is the
 * site's own error page with the right status and the security headers, never an empty or a framework's page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorStatusIT {

    private static final String BOUNDARY = "----boundary7MA4YWxkTrZu0gW";

    @LocalServerPort
    int port;

    static Stream<Arguments> refusedRequests() {
        byte[] bigForm = ("message=" + "x".repeat(5 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        byte[] bigMultipart = multipart("message", "x".repeat(5 * 1024 * 1024));
        byte[] bigFile = multipart("file\"; filename=\"a.bin", "x".repeat(5 * 1024 * 1024));
        return Stream.of(
                Arguments.of(
                        "403 forged post",
                        403,
                        request(
                                "POST /contact",
                                "Content-Type: application/x-www-form-urlencoded\r\n",
                                "name=a".getBytes(StandardCharsets.US_ASCII))),
                Arguments.of("405 method", 405, request("DELETE /contact?_csrf={CSRF}", "", new byte[0])),
                Arguments.of(
                        "405 method on a content page",
                        405,
                        request("PUT /migraine/stages?_csrf={CSRF}", "", new byte[0])),
                Arguments.of("405 TRACE", 405, request("TRACE /", "", new byte[0])),
                // No handler of the site declares what it consumes: a form sent as JSON is an empty form.
                Arguments.of(
                        "JSON to a form",
                        422,
                        request(
                                "POST /contact?_csrf={CSRF}",
                                "Content-Type: application/json\r\n",
                                "{\"name\":\"a\"}".getBytes(StandardCharsets.US_ASCII))),
                Arguments.of(
                        "400 malformed request line",
                        400,
                        "GET /a b c HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII)),
                Arguments.of(
                        "400 malformed header",
                        400,
                        "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII)),
                Arguments.of(
                        "malformed multipart: an empty form",
                        422,
                        request(
                                "POST /contact?_csrf={CSRF}",
                                "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n",
                                "--nonsense\r\nnot a part".getBytes(StandardCharsets.US_ASCII))),
                Arguments.of(
                        "413 urlencoded with Content-Length",
                        413,
                        request("POST /contact", "Content-Type: application/x-www-form-urlencoded\r\n", bigForm)),
                Arguments.of(
                        "413 urlencoded chunked",
                        413,
                        chunked("POST /contact", "Content-Type: application/x-www-form-urlencoded\r\n", bigForm)),
                Arguments.of(
                        "413 multipart field with Content-Length",
                        413,
                        request(
                                "POST /contact",
                                "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n",
                                bigMultipart)),
                Arguments.of(
                        "413 multipart field chunked",
                        413,
                        chunked(
                                "POST /contact",
                                "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n",
                                bigMultipart)),
                Arguments.of(
                        "413 multipart file chunked",
                        413,
                        chunked(
                                "POST /staff/login",
                                "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n",
                                bigFile)),
                // Jetty names the limit: 414 for the request line, 431 for the headers.
                Arguments.of("long URL", 414, request("GET /" + "a".repeat(20 * 1024), "", new byte[0])),
                Arguments.of(
                        "large headers",
                        431,
                        request("GET /", "X-Padding: " + "x".repeat(20 * 1024) + "\r\n", new byte[0])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void everyRefusalIsTheSitesOwnPage(String what, int status, byte[] request) {
        RawHttp.Answer answer = RawHttp.exchange(port, inSession(request));

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what).startsWith("text/html");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("main h1").text()).as(what).isNotBlank();
        assertThat(page.select("main a[href=/contact], main form[action=/contact]"))
                .as(what + ": a way to reach the clinic")
                .hasSize(1);
        assertThat(answer.header("Content-Security-Policy")).as(what).startsWith("default-src 'self'");
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        HostileInputChecks.assertSafe(what, answer);
    }

    /**
     * The request with the cookie and CSRF token of a form opened first, where it asks for them, so that it gets
     * past the CSRF check: the contact form's token is a cookie of its own, other forms' live in the session.
     */
    private byte[] inSession(byte[] request) {
        HttpPages browser = new HttpPages(port);
        String raw = new String(request, StandardCharsets.ISO_8859_1);
        String form = raw.contains(" /contact") ? "/contact" : "/staff/login";
        String csrf = URLEncoder.encode(browser.openForm(form).get("_csrf").get(0), StandardCharsets.UTF_8);
        return raw.replace("{CSRF}", csrf)
                .replace("Connection: close\r\n", "Connection: close\r\nCookie: " + browser.cookieHeader() + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] request(String requestLine, String headers, byte[] body) {
        String head = requestLine + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n"
                + headers + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
        return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static byte[] chunked(String requestLine, String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n"
                        + headers + "Transfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (int at = 0; at < body.length; at += 64 * 1024) {
            int size = Math.min(64 * 1024, body.length - at);
            out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] multipart(String name, String value) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n--"
                        + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
