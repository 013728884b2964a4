package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the default settings no proxy is trusted: a client cannot choose the host the site's redirects point to,
 * nor fake its own address (to slip past the inquiry rate limit) or claim HTTPS.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.inquiries.min-fill-time=0s",
            "clinic.inquiries.rate-limit-max=1",
            "clinic.staff.admin-email=" + ForwardedHeadersIT.ADMIN_EMAIL,
            "clinic.staff.admin-password=" + ForwardedHeadersIT.ADMIN_PASSWORD
        })
class ForwardedHeadersIT {

    static final String ADMIN_EMAIL = "forwarded.admin@clinic.example";
    static final String ADMIN_PASSWORD = "forwarded-admin-password";

    @LocalServerPort
    int port;

    private RawHttp.Answer get(String path, String headers) {
        return RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n");
    }

    @Test
    void signingInRedirectsToAPathNotToTheHostTheClientNamed() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = browser.openForm("/staff/login");
        String body = "email=" + URLEncoder.encode(ADMIN_EMAIL, StandardCharsets.UTF_8) + "&password=" + ADMIN_PASSWORD
                + "&_csrf=" + URLEncoder.encode(fields.get("_csrf").get(0), StandardCharsets.UTF_8);

        RawHttp.Answer signIn = RawHttp.exchange(
                port,
                "POST /staff/login HTTP/1.1\r\nHost: evil.test\r\n"
                        + "Cookie: " + browser.cookieHeader()
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location")).isEqualTo("/staff");
    }

    @Test
    void theStaffPageAskedForBeforeSigningInIsReachedByPathOnly() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = browser.openForm("/staff/login");
        RawHttp.Answer asked =
                get("/staff/audit?page=1", "Host: evil.test\r\nCookie: " + browser.cookieHeader() + "\r\n");
        String body = "email=" + URLEncoder.encode(ADMIN_EMAIL, StandardCharsets.UTF_8) + "&password=" + ADMIN_PASSWORD
                + "&_csrf=" + URLEncoder.encode(fields.get("_csrf").get(0), StandardCharsets.UTF_8);

        RawHttp.Answer signIn = RawHttp.exchange(
                port,
                "POST /staff/login HTTP/1.1\r\nHost: evil.test\r\n"
                        + "Cookie: " + browser.cookieHeader()
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(asked.header("Location")).isEqualTo("/staff/login");
        assertThat(signIn.status()).isEqualTo(302);
        // Spring Security marks the address it returns to with a "continue" parameter of its own.
        assertThat(signIn.header("Location")).startsWith("/staff/audit?page=1");
    }

    @Test
    void otherRedirectsNameNoHostEither() {
        for (String headers : List.of("Host: evil.test\r\n", "Host: localhost\r\nX-Forwarded-Host: evil.test\r\n")) {
            assertThat(get("/contact/thanks", headers).header("Location"))
                    .as(headers)
                    .isEqualTo("/contact");
            assertThat(get("/staff", headers).header("Location")).as(headers).isEqualTo("/staff/login");
        }
    }

    @Test
    void aClientCannotClaimHttpsThroughAForwardedHeader() {
        RawHttp.Answer answer = get("/", "Host: localhost\r\nX-Forwarded-Proto: https\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aFakedClientAddressDoesNotEscapeTheInquiryRateLimit() {
        assertThat(inquiryFrom("203.0.113.1").statusCode()).isEqualTo(303);

        HttpResponse<String> second = inquiryFrom("203.0.113.2");

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(HttpPages.html(second).select("main").text())
                .contains("Please wait about 10 minutes before sending this one.");
    }

    private HttpResponse<String> inquiryFrom(String forwardedFor) {
        HttpPages browser = new HttpPages(port);
        return browser.send(browser.formPost("/contact", HttpPages.validInquiry(browser.openForm("/contact")))
                .header("X-Forwarded-For", forwardedFor)
                .build());
    }
}
