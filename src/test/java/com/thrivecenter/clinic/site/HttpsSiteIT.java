package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The site as it runs in production: its base URL is HTTPS and a TLS proxy on the same machine (trusted) says
 * X-Forwarded-Proto. Every kind of answer carries the whole set of security headers the MDN HTTP Observatory
 * grades, and plain HTTP is sent to HTTPS.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.base-url=https://clinic.example",
            "clinic.proxies.trusted=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.admin-email=" + HttpsSiteIT.ADMIN,
            "clinic.staff.admin-password=" + HttpsSiteIT.PASSWORD
        })
class HttpsSiteIT {

    static final String ADMIN = "https.admin@clinic.example";
    static final String PASSWORD = "https-admin-password";

    /** Every header and its exact value, each sent once. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "content-security-policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
            "strict-transport-security",
            "max-age=63072000; includeSubDomains; preload",
            "cross-origin-opener-policy",
            "same-origin",
            "cross-origin-resource-policy",
            "same-origin",
            "x-content-type-options",
            "nosniff",
            "x-frame-options",
            "DENY",
            "referrer-policy",
            "strict-origin-when-cross-origin",
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()");

    @LocalServerPort
    int port;

    /** No cookie store: each request carries exactly the cookies it is given. */
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpRequest.Builder request(String rawPath) {
        return new HttpPages(port).request(rawPath);
    }

    private HttpRequest.Builder viaHttpsProxy(String rawPath) {
        return request(rawPath).header("X-Forwarded-Proto", "https");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> getViaHttpsProxy(String rawPath, String cookie) {
        HttpRequest.Builder request = viaHttpsProxy(rawPath).header("Accept", "text/html");
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    @Test
    void everyKindOfAnswerCarriesEveryHeader() {
        HttpResponse<String> page = getViaHttpsProxy("/migraine/stages", "");
        String stylesheet = HttpPages.html(page).select("link[rel=stylesheet]").attr("href");
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("a content page", page);
        answers.put("the home page", getViaHttpsProxy("/", ""));
        answers.put("the contact form", getViaHttpsProxy("/contact", ""));
        answers.put(
                "the contact form sent without its token",
                send(viaHttpsProxy("/contact")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name="))
                        .build()));
        answers.put("the staff sign-in page", getViaHttpsProxy("/staff/login", ""));
        answers.put("a staff page, signed in", getViaHttpsProxy("/staff", signIn()));
        answers.put("the stylesheet", getViaHttpsProxy(stylesheet, ""));
        answers.put("a page that does not exist", getViaHttpsProxy("/no-such-page", ""));
        answers.put(
                "a method a page does not allow",
                send(viaHttpsProxy("/migraine/stages")
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())
                        .build()));
        answers.put("a path Jetty refuses", getViaHttpsProxy("/%2e%2e/etc/passwd", ""));

        assertThat(answers)
                .extractingFromEntries(answer -> answer.getValue().statusCode())
                .containsExactly(200, 200, 200, 403, 200, 200, 200, 404, 405, 404);
        answers.forEach((what, answer) -> {
            Map<String, List<String>> headers = answer.headers().map();
            SECURITY_HEADERS.forEach(
                    (name, value) -> assertThat(headers).as(what).contains(entry(name, List.of(value))));
        });
    }

    @Test
    void theSessionCookieIsSecureAndBoundToThisHost() {
        HttpResponse<String> signInPage = getViaHttpsProxy("/staff/login", "");

        assertThat(signInPage.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("__Host-JSESSIONID=")
                .contains("Path=/;", "Secure", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Domain="));
    }

    @Test
    void plainHttpIsSentPermanentlyToTheSamePathOverHttpsOnTheSitesOwnHost() {
        HttpResponse<String> fromProxy = send(request("/migraine/stages?from=search&x=%2F")
                .header("X-Forwarded-Proto", "http")
                .build());
        HttpResponse<String> direct = send(request("/staff/login").build());
        HttpResponse<String> page = send(request("/migraine/stages").build());
        HttpResponse<String> post = send(request("/contact")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Rosa"))
                .build());
        RawHttp.Answer otherHost = RawHttp.exchange(
                port,
                "GET /visit HTTP/1.1\r\nHost: evil.test\r\nX-Forwarded-Host: evil.test\r\nConnection: close\r\n\r\n");

        assertThat(fromProxy.statusCode()).isEqualTo(301);
        assertThat(fromProxy.headers().firstValue("Location"))
                .hasValue("https://clinic.example/migraine/stages?from=search&x=%2F");
        assertThat(fromProxy.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS means nothing over HTTP")
                .isEmpty();
        assertThat(fromProxy.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(fromProxy.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(direct.statusCode()).isEqualTo(301);
        assertThat(direct.headers().firstValue("Location")).hasValue("https://clinic.example/staff/login");
        assertThat(page.statusCode()).isEqualTo(301);
        assertThat(page.headers().firstValue("Location")).hasValue("https://clinic.example/migraine/stages");
        assertThat(post.statusCode()).isEqualTo(301);
        assertThat(post.headers().firstValue("Location")).hasValue("https://clinic.example/contact");
        assertThat(otherHost.status()).isEqualTo(301);
        assertThat(otherHost.header("Location")).isEqualTo("https://clinic.example/visit");
    }

    @Test
    void aMonitorMayStillAskForTheHealthOverHttp() {
        HttpResponse<String> health = send(request("/actuator/health").build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    /** Signs in through the proxy as a browser would over HTTPS, carrying the session cookie by hand. */
    private String signIn() {
        HttpResponse<String> form = getViaHttpsProxy("/staff/login", "");
        String session = sessionCookie(form).orElseThrow();
        String csrf = HttpPages.html(form).select("input[name=_csrf]").val();
        HttpResponse<String> signedIn = send(viaHttpsProxy("/staff/login")
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(ADMIN, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build());
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/staff");
        return sessionCookie(signedIn).orElseThrow();
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("__Host-JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst();
    }
}
