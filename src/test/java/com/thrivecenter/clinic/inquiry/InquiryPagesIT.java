package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.thrivecenter.clinic.site.HttpPages;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
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
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "clinic.inquiries.min-fill-time=0s",
        "clinic.inquiries.rate-limit-max=2",
        "clinic.inquiries.poll-interval=200ms",
        "clinic.inquiries.notify-to=inquiries@clinic.example",
        "clinic.phone=+1 (555) 010-0188",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=3025"})
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
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("tomcat");
    }

    @Test
    void anInquiryReachesTheStaffMailboxThroughTheScheduledSender() {
        HttpPages browser = new HttpPages(port);

        HttpResponse<String> sent = browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));

        assertThat(sent.statusCode()).isEqualTo(303);
        String reference = HttpPages.html(browser.get(sent.headers().firstValue("Location").orElseThrow()))
                .select(".reference").text();
        // Other tests' inquiries may be mailed too: look for this one's.
        await().atMost(Duration.ofSeconds(10)).until(() -> mailAbout(reference).size() == 1);
        assertThat(GreenMailUtil.getBody(mailAbout(reference).get(0)))
                .doesNotContain("Rosa", "rosa@example.org", "010 0155", "Evenings");
    }

    @Test
    void withoutTheCsrfTokenThePatientGetsTheSitesPageAndNothingIsStored() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = HttpPages.validInquiry(browser.openForm("/contact"));
        fields.remove("_csrf");

        assertSitePage(browser.postForm("/contact", fields), 403, "That request was not accepted");
        assertThat(inquiries()).isZero();
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
    void tooManyInquiriesFromOneAddressGetThePhoneNumber() {
        HttpPages browser = new HttpPages(port);
        for (int i = 0; i < 2; i++) {
            assertThat(browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact"))).statusCode()).isEqualTo(303);
        }

        assertSitePage(browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact"))), 429, "Too many inquiries");
        assertThat(inquiries()).isEqualTo(2);
    }
}
