package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.FreePorts;
import com.thrivecenter.clinic.SiteApplication;
import com.thrivecenter.clinic.site.HttpPages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart forgets nothing a patient holds: a form opened before it is accepted after it, a thank-you link
 * still opens, and the rate limit keeps counting. Two applications run one after the other on one data folder,
 * with the default set-up: an H2 file database and no configured secret.
 */
class InquiryRestartIT {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(SiteApplication.class)
                .run(
                        "--server.port=" + port,
                        "--clinic.data.dir=" + data,
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("clinic"),
                        "--clinic.inquiries.secret=",
                        "--clinic.inquiries.min-fill-time=0s");
    }

    @Test
    void aFormOpenedBeforeARestartIsAcceptedAfterItAndTheLimitStillCounts() throws Exception {
        int port = FreePorts.any();
        HttpPages patient = new HttpPages(port);
        Map<String, List<String>> openedBefore;
        String thanksBefore;
        try (ConfigurableApplicationContext before = start(port)) {
            openedBefore = HttpPages.validInquiry(patient.openForm("/contact"));
            thanksBefore = sendNew(port).headers().firstValue("Location").orElseThrow();
            for (int i = 0; i < 3; i++) {
                assertThat(sendNew(port).statusCode()).isEqualTo(303);
            }
        }
        Path secret = data.resolve(Signer.SECRET_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        String secretBefore = Files.readString(secret);

        try (ConfigurableApplicationContext after = start(port)) {
            HttpResponse<String> sent = patient.postForm("/contact", openedBefore);

            assertThat(sent.statusCode())
                    .as("the form opened before the restart")
                    .isEqualTo(303);
            assertThat(sent.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
            HttpResponse<String> thanks = new HttpPages(port).get(thanksBefore);
            assertThat(thanks.statusCode())
                    .as("a thank-you link from before the restart")
                    .isEqualTo(200);
            assertThat(HttpPages.html(thanks).select(".reference").text()).matches("TCH-\\w{6}");
            HttpResponse<String> sixth = sendNew(port);
            assertThat(sixth.statusCode())
                    .as("the sixth inquiry within ten minutes")
                    .isEqualTo(429);
        }
        assertThat(Files.readString(secret)).isEqualTo(secretBefore);
    }

    private static HttpResponse<String> sendNew(int port) {
        HttpPages browser = new HttpPages(port);
        return browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));
    }
}
