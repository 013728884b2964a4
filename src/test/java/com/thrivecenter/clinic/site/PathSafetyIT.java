package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No request path reaches a file except through the loaded pages: every trick gets the site's 404 page. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PathSafetyIT {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../pom.xml",
                "/migraine/../../pom.xml",
                "/%2e%2e/pom.xml",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/migraine/%2e%2e/%2e%2e/pom.xml",
                "/%2E%2E%2Fpom.xml",
                "/migraine%2fstages",
                "/migraine%2Fstages",
                "/..%2f..%2fetc%2fpasswd",
                "//etc/passwd",
                "/etc/passwd",
                "/C:/Windows/win.ini",
                "/.git/config",
                "/.gitignore",
                "/migraine/stages.md",
                "/index.md",
                "/README",
                "/README.md",
                "/readme",
                "/migraine/%00",
                "/%5c..%5cpom.xml",
                "/migraine;jsessionid=1/stages",
                "/images/../pom.xml",
                "/css/..%2f..%2fapplication.yml",
                "/images/%2e%2e/index.md",
                // With a trailing slash, which would otherwise redirect: never to another host, never past the
                // firewall.
                "//evil.example/",
                "//evil.example/faq/",
                "/%2e%2e/",
                "/migraine%2fstages/",
                "/%5c%5cevil.example/"
            })
    void everyTraversalFormIsNotFound(String path) {
        HttpResponse<String> response = new HttpPages(port).get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        Document page = HttpPages.html(response);
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("main a[href=/]")).hasSize(1);
        assertThat(page.select("main a[href=/contact]")).hasSize(1);
        assertThat(page.select("main a[href^=tel:]")).hasSize(1);
        assertThat(response.body())
                .doesNotContainIgnoringCase("tomcat")
                .doesNotContainIgnoringCase("jetty")
                .doesNotContain("root:", "<project");
    }

    /** One address per page: a trailing slash redirects to it, keeping the query, and only ever to a path here. */
    @ParameterizedTest
    @ValueSource(strings = {"/faq/", "/migraine/stages/?from=menu", "/contact/", "/contact/?reason=migraine"})
    void aTrailingSlashRedirectsPermanentlyToThePathWithout(String path) {
        HttpResponse<String> response = new HttpPages(port).get(path);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue(path.replaceFirst("/(\\?|$)", "$1"));
    }
}
