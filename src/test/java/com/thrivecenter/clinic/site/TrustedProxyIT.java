package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Behind a proxy the site is told to trust (here: loopback, as the postgres profile does), its headers count. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.proxies.trusted=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
            "clinic.inquiries.min-fill-time=0s",
            "clinic.inquiries.rate-limit-max=1"
        })
class TrustedProxyIT {

    @LocalServerPort
    int port;

    /** The local default base URL (http://localhost:8080): no promise of HTTPS, and no redirect to it. */
    @Test
    void withAnHttpBaseUrlNothingAsksForHttpsEvenBehindAnHttpsProxy() {
        HttpPages http = new HttpPages(port);
        HttpResponse<String> viaHttps =
                http.send(http.request("/").header("X-Forwarded-Proto", "https").build());
        HttpResponse<String> viaHttp =
                http.send(http.request("/").header("X-Forwarded-Proto", "http").build());
        HttpResponse<String> direct = http.get("/staff/login");

        for (HttpResponse<String> response : List.of(viaHttps, viaHttp, direct)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .isEmpty();
            assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy"))
                    .hasValue("same-origin");
            assertThat(response.headers().firstValue("Cross-Origin-Resource-Policy"))
                    .hasValue("same-origin");
        }
    }

    @Test
    void behindAnHttpsProxyTheCookiesAreSecure() {
        HttpPages browser = new HttpPages(port);

        HttpResponse<String> signIn = browser.send(browser.request("/staff/login")
                .header("X-Forwarded-Proto", "https")
                .build());
        HttpResponse<String> form = browser.send(
                browser.request("/contact").header("X-Forwarded-Proto", "https").build());

        // The sign-in page starts a session (its CSRF token lives there); the contact form's token is a cookie.
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Lax"));
        assertThat(form.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .singleElement()
                .satisfies(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Lax"));
        assertThat(new HttpPages(port).get("/staff/login").headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void theRateLimitCountsEachRealClientThatTheProxyNames() {
        assertThat(inquiryFrom("203.0.113.1").statusCode()).isEqualTo(303);
        assertThat(inquiryFrom("203.0.113.2").statusCode()).as("another client").isEqualTo(303);
        assertThat(inquiryFrom("203.0.113.1").statusCode())
                .as("the first client again")
                .isEqualTo(429);
    }

    /** A proxy appends the address it saw: what the client wrote to the left of it, or another proxy's, is not it. */
    @Test
    void theClientIsTheLastAddressNoTrustedProxyWrote() {
        assertThat(inquiryFrom("198.51.100.1, 203.0.113.7").statusCode()).isEqualTo(303);
        assertThat(inquiryFrom("198.51.100.2, 203.0.113.7").statusCode())
                .as("the same client, pretending to be another")
                .isEqualTo(429);
        assertThat(inquiryFrom("203.0.113.7, 127.0.0.1").statusCode())
                .as("the same client, through a second proxy of the site's")
                .isEqualTo(429);
    }

    private HttpResponse<String> inquiryFrom(String forwardedFor) {
        HttpPages browser = new HttpPages(port);
        return browser.send(browser.formPost("/contact", HttpPages.validInquiry(browser.openForm("/contact")))
                .header("X-Forwarded-For", forwardedFor)
                .build());
    }
}
