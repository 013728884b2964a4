package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of page the site renders passes the Nu HTML validator with no errors. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.staff.admin-email=" + ValidHtmlIT.ADMIN_EMAIL,
            "clinic.staff.admin-password=" + ValidHtmlIT.ADMIN_PASSWORD
        })
class ValidHtmlIT {

    static final String ADMIN_EMAIL = "valid.admin@clinic.example";
    static final String ADMIN_PASSWORD = "valid-admin-password";

    private final NuHtmlValidator validator = new NuHtmlValidator();

    @LocalServerPort
    int port;

    @Test
    void everyPublicPageInTheSitemapIsValid() {
        HttpPages browser = new HttpPages(port);
        List<String> paths =
                Jsoup.parse(browser.get("/sitemap.xml").body(), Parser.xmlParser()).select("url > loc").stream()
                        .map(loc -> URI.create(loc.text()).getRawPath())
                        .toList();

        assertThat(paths).contains("/", "/contact");
        assertThat(paths.stream().flatMap(path -> errors(path, browser.get(path), 200)))
                .isEmpty();
    }

    @Test
    void theContactFormAfterAFailedSendIsValid() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = new LinkedHashMap<>(browser.openForm("/contact"));
        fields.put("name", List.of(""));

        HttpResponse<String> refused = browser.postForm("/contact", fields);

        assertThat(HttpPages.html(refused).select("#error-summary")).hasSize(1);
        assertThat(errors("/contact after a failed send", refused, refused.statusCode()))
                .isEmpty();
    }

    @Test
    void theSignInPageAfterAFailedSignInIsValid() {
        HttpPages browser = new HttpPages(port);
        HttpResponse<String> page = browser.get("/staff/login?error");

        assertThat(HttpPages.html(page).select("#error-summary")).hasSize(1);
        assertThat(errors("/staff/login?error", page, 200)).isEmpty();
    }

    @Test
    void aStaffPageIsValid() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = new LinkedHashMap<>(browser.openForm("/staff/login"));
        fields.put("email", List.of(ADMIN_EMAIL));
        fields.put("password", List.of(ADMIN_PASSWORD));
        assertThat(browser.postForm("/staff/login", fields).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff"));

        assertThat(errors("/staff", browser.get("/staff"), 200)).isEmpty();
    }

    @Test
    void anErrorPageIsValid() {
        assertThat(errors("/no-such-page", new HttpPages(port).get("/no-such-page"), 404))
                .isEmpty();
    }

    private Stream<String> errors(String what, HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        return validator.errors(response.body()).stream().map(error -> what + " " + error);
    }
}
