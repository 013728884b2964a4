package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ErrorPagesIT.FailingController.class)
class ErrorPagesIT {

    @LocalServerPort
    int port;

    @TestConfiguration
    @RestController
    static class FailingController {
        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException("secret internal detail in SomeFrameworkClass");
        }

        @PostMapping("/test-only/failure")
        String failWithABody() {
            throw new IllegalStateException("secret internal detail in SomeFrameworkClass");
        }
    }

    private static void assertSiteErrorPage(HttpResponse<String> response, String heading) {
        Document page = HttpPages.html(response);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.select("h1").text()).isEqualTo(heading);
        assertThat(page.title()).endsWith(" · Thrive Center for Health");
        assertThat(page.select("body > header nav[aria-label=Main] a")).isNotEmpty();
        assertThat(page.select("main a[href=/]")).hasSize(1);
        assertThat(page.select("main a[href=/contact]")).hasSize(1);
        assertThat(page.select("main a[href^=tel:]").text()).isNotBlank();
        assertThat(response.body())
                .doesNotContain(
                        "Exception",
                        "secret internal detail",
                        "at com.",
                        "Whitelabel",
                        "Spring Boot",
                        "Spring Framework")
                .doesNotContainIgnoringCase("tomcat")
                .doesNotContainIgnoringCase("jetty")
                .doesNotContainIgnoringCase("springframework");
    }

    @Test
    void anUnknownPageGetsTheSitesNotFoundPage() {
        HttpResponse<String> response = new HttpPages(port).get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertSiteErrorPage(response, "Page not found");
    }

    @Test
    void aFailureGetsTheSitesErrorPageWithoutDetails() {
        HttpResponse<String> response = new HttpPages(port).get("/test-only/failure");

        assertThat(response.statusCode()).isEqualTo(500);
        assertSiteErrorPage(response, "Something went wrong");
    }

    /** A form's body is read before the application sees it (site/RequestBodyFilter): a failure after that too. */
    @Test
    void aFailureAnsweringAFormGetsTheSitesErrorPageAndTheConnectionServesOn() {
        HttpPages browser = new HttpPages(port);
        for (int length : List.of(1, 2_000, 60_000)) {
            Map<String, List<String>> fields = new LinkedHashMap<>(browser.openForm("/staff/login"));
            fields.put("message", List.of("x".repeat(length)));

            HttpResponse<String> failed = browser.postForm("/test-only/failure", fields);
            HttpResponse<String> next = browser.get("/faq");

            assertThat(failed.statusCode()).as("%d bytes", length).isEqualTo(500);
            assertSiteErrorPage(failed, "Something went wrong");
            assertThat(next.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestForJsonStillGetsTheHtmlPage() {
        HttpResponse<String> response = new HttpPages(port).get("/error");

        assertThat(response.statusCode()).isEqualTo(404);
        assertSiteErrorPage(response, "Page not found");
    }
}
