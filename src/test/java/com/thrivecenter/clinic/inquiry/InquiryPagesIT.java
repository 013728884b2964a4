package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.thrivecenter.clinic.site.HttpPages;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inquiry journey over real HTTP, down to the mail the scheduled sender delivers. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.inquiries.min-fill-time=0s",
            "clinic.inquiries.rate-limit-max=2",
            "clinic.inquiries.poll-interval=200ms",
            "clinic.inquiries.notify-to=inquiries@clinic.example",
            "clinic.phone=+1 (555) 010-0188",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=3025"
        })
class InquiryPagesIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("DELETE FROM inquiry").update();
    }

    private int inquiries() {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry").query(Integer.class).single();
    }

    private static List<MimeMessage> mailAbout(String reference) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> GreenMailUtil.getHeaders(message).contains("Subject: New inquiry " + reference))
                .toList();
    }

    private static void assertSitePage(HttpResponse<String> response, int status, String heading) {
        assertThat(response.statusCode()).isEqualTo(status);
        Document page = HttpPages.html(response);
        assertThat(page.select("h1").text()).isEqualTo(heading);
        assertThat(page.select("body > header, body > footer")).hasSize(2);
        assertThat(page.select("main a[href=tel:+15550100188]")).hasSize(1);
        assertThat(response.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("tomcat")
                .doesNotContainIgnoringCase("jetty");
    }

    @Test
    void anInquiryReachesTheStaffMailboxThroughTheScheduledSender() {
        HttpPages browser = new HttpPages(port);

        HttpResponse<String> sent = browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));

        assertThat(sent.statusCode()).isEqualTo(303);
        String reference = HttpPages.html(
                        browser.get(sent.headers().firstValue("Location").orElseThrow()))
                .select(".reference")
                .text();
        // Other tests' inquiries may be mailed too: look for this one's.
        await().atMost(Duration.ofSeconds(10)).until(() -> mailAbout(reference).size() == 1);
        assertThat(GreenMailUtil.getBody(mailAbout(reference).get(0)))
                .doesNotContain("Rosa", "rosa@example.org", "010 0155", "Evenings");
    }

    /** The form again, with what was typed, one message at the top, and fields ready to send it again. */
    private static Map<String, List<String>> assertShownAgain(
            HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        Document page = HttpPages.html(response);
        assertThat(page.select("h1").text()).isEqualTo("Book a consultation");
        assertThat(page.select("#error-summary p")).hasSize(1);
        assertThat(page.select("#error-summary p").text()).contains(message);
        assertThat(page.getElementById("name").val()).isEqualTo("Rosa Example");
        assertThat(page.getElementById("message").text()).isEqualTo("Evenings are worst — “quotes” and ünïcode");
        assertThat(page.getElementById("contactMethod-TEXT").hasAttr("checked")).isTrue();
        assertThat(page.getElementById("preferredTimes-friday-evening").hasAttr("checked"))
                .isTrue();
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        page.select("form.inquiry input[type=hidden]")
                .forEach(input -> fields.put(input.attr("name"), List.of(input.val())));
        return HttpPages.validInquiry(fields);
    }

    @Test
    void theFormKeepsNoSessionAndItsTokenCookieIsHttpOnlyAndSameSite() {
        HttpPages browser = new HttpPages(port);

        HttpResponse<String> opened = browser.get("/contact");
        HttpResponse<String> sent = browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(opened.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN=")
                .contains("Path=/contact", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure"));
        assertThat(sent.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void noWayThroughTheFormStartsAServerSession() {
        SessionlessForm.assertNoWayThroughTheFormStartsASession(port, jdbc);
    }

    @Test
    void withoutTheCsrfFieldTheFormIsShownAgainAndThenAccepted() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = HttpPages.validInquiry(browser.openForm("/contact"));
        fields.remove("_csrf");

        Map<String, List<String>> again = assertShownAgain(browser.postForm("/contact", fields), 403, "send it again");

        assertThat(inquiries()).isZero();
        assertThat(browser.postForm("/contact", again).statusCode()).isEqualTo(303);
        assertThat(inquiries()).isOne();
    }

    @Test
    void aFormWhoseCookieWasLostOrDoesNotMatchIsShownAgainAndThenAccepted() {
        Map<String, List<String>> fields = HttpPages.validInquiry(new HttpPages(port).openForm("/contact"));
        HttpPages restartedBrowser = new HttpPages(port);
        Map<String, List<String>> again =
                assertShownAgain(restartedBrowser.postForm("/contact", fields), 403, "send it again");
        HttpPages otherTab = new HttpPages(port);
        otherTab.openForm("/contact");
        Map<String, List<String>> mismatched =
                assertShownAgain(otherTab.postForm("/contact", fields), 403, "send it again");

        assertThat(inquiries()).isZero();
        assertThat(restartedBrowser.postForm("/contact", again).statusCode()).isEqualTo(303);
        assertThat(otherTab.postForm("/contact", mismatched).statusCode()).isEqualTo(303);
        assertThat(inquiries()).isEqualTo(1);
    }

    @Test
    void aBodyOverSixtyFourKilobytesIsRefusedWithAClearPage() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = HttpPages.validInquiry(browser.openForm("/contact"));
        fields.put("message", List.of("x".repeat(70 * 1024)));

        assertSitePage(browser.postForm("/contact", fields), 413, "That was too much to send");
        assertThat(inquiries()).isZero();
    }

    @Test
    void anOversizedBodyWithoutADeclaredLengthIsRefusedToo() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = browser.openForm("/contact");
        String body = "_csrf=" + fields.get("_csrf").get(0) + "&message=" + "x".repeat(70 * 1024);
        HttpRequest chunked = browser.request("/contact")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(body)))
                .build();

        assertSitePage(browser.send(chunked), 413, "That was too much to send");
    }

    @Test
    void tooManyInquiriesFromOneAddressKeepWhatWasTypedAndGetThePhoneNumber() {
        HttpPages browser = new HttpPages(port);
        for (int i = 0; i < 2; i++) {
            assertThat(browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")))
                            .statusCode())
                    .isEqualTo(303);
        }

        HttpResponse<String> third = browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));

        assertShownAgain(third, 429, "several inquiries from your connection");
        assertThat(HttpPages.html(third).select("#error-summary a[href=tel:+15550100188]"))
                .hasSize(1);
        assertThat(inquiries()).isEqualTo(2);
    }
}
