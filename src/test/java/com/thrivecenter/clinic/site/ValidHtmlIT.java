package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every kind of page the site renders passes the Nu HTML validator with no errors. The site runs on a copy of the
 * project's pages with their history switched on, so the editor's saves and the history pages have versions to show.
 */
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

    @TempDir
    static Path content;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void copyOfTheProjectsPages(DynamicPropertyRegistry registry) throws IOException {
        Path project = Path.of("content");
        try (Stream<Path> files = Files.walk(project)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = content.resolve(project.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        registry.add("clinic.content.dir", content::toString);
        registry.add("clinic.content.history", () -> "true");
    }

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
        HttpPages browser = signedIn();

        assertThat(errors("/staff", browser.get("/staff"), 200)).isEmpty();
    }

    @Test
    void theAuditLogAndTheAccessReportAreValid() {
        HttpPages browser = signedIn();

        assertThat(Stream.of(
                                errors("the audit log", browser.get("/staff/audit"), 200),
                                errors(
                                        "an access report",
                                        browser.get("/staff/audit/access?reference=TCH-ABCDEF"),
                                        200),
                                errors(
                                        "a refused access report",
                                        browser.get("/staff/audit/access?reference=nonsense"),
                                        400))
                        .flatMap(found -> found)
                        .toList())
                .isEmpty();
    }

    @Test
    void theEditorHistoryCompareAndImagesPagesAreValid() {
        HttpPages browser = signedIn();
        List<String> errors = new ArrayList<>();

        HttpResponse<String> editor = browser.get("/staff/content/edit/faq");
        errors.addAll(errors("the editor", editor, 200).toList());
        errors.addAll(
                errors("a new page", browser.get("/staff/content/new"), 200).toList());

        Map<String, List<String>> problems = editorForm(editor);
        problems.put("body", List.of("We guarantee a cure. See [the fees](/no-such-page)."));
        problems.put("action", List.of("preview"));
        HttpResponse<String> previewed = browser.postForm("/staff/content/edit", problems);
        assertThat(HttpPages.html(previewed).select("#error-summary li")).isNotEmpty();
        assertThat(HttpPages.html(previewed).select("iframe#preview")).hasSize(1);
        errors.addAll(
                errors("the editor with problems and a preview", previewed, 200).toList());

        Map<String, List<String>> stale = editorForm(editor);
        stale.put("baseHash", List.of("an-older-text"));
        stale.put("action", List.of("save"));
        HttpResponse<String> conflict = browser.postForm("/staff/content/edit", stale);
        assertThat(HttpPages.html(conflict).select("#conflict table.diff")).hasSize(1);
        errors.addAll(errors("the editor with a conflict", conflict, 409).toList());

        Map<String, List<String>> saved = editorForm(editor);
        saved.put("title", List.of("Questions, answered"));
        saved.put("message", List.of("A friendlier title"));
        saved.put("action", List.of("save"));
        assertThat(browser.postForm("/staff/content/edit", saved).statusCode()).isEqualTo(302);

        HttpResponse<String> history = browser.get("/staff/content/history?file=faq.md");
        errors.addAll(errors("the history", history, 200).toList());
        Document versions = HttpPages.html(history);
        String compare = "/staff/content/history/compare?file=faq.md&from="
                + versions.select("input[name=from][checked]").val() + "&to="
                + versions.select("input[name=to][checked]").val();
        HttpResponse<String> compared = browser.get(compare);
        assertThat(HttpPages.html(compared).select("tr.added").text()).contains("Questions, answered");
        errors.addAll(errors("the comparison", compared, 200).toList());
        errors.addAll(errors("the images", browser.get("/staff/images"), 200).toList());
        HttpResponse<String> review = browser.get("/staff/content/review?file=faq.md");
        assertThat(HttpPages.html(review).select("table.diff tr.added")).isNotEmpty();
        errors.addAll(errors("the medical review", review, 200).toList());
        errors.addAll(
                errors("content health", browser.get("/staff/content"), 200).toList());

        assertThat(errors).isEmpty();
    }

    /** Every field of the editor's form as a browser would send it, ready to change. */
    private static Map<String, List<String>> editorForm(HttpResponse<String> editor) {
        FormElement form = (FormElement) HttpPages.html(editor).selectFirst("#page-form");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        form.formData().forEach(field -> fields.computeIfAbsent(field.key(), key -> new ArrayList<>())
                .add(field.value()));
        return fields;
    }

    private HttpPages signedIn() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = new LinkedHashMap<>(browser.openForm("/staff/login"));
        fields.put("email", List.of(ADMIN_EMAIL));
        fields.put("password", List.of(ADMIN_PASSWORD));
        assertThat(browser.postForm("/staff/login", fields).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff"));
        return browser;
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
