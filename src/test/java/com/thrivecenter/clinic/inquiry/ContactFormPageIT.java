package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.web.Layout;
import com.thrivecenter.clinic.site.HttpPages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The empty contact form is rendered once per content snapshot and sent with fresh tokens: over real HTTP it is
 * the same page, with the same headers and cookie, that rendering it for each request made, its tokens are new
 * every time and accepted, and an edit to the content shows at once.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"clinic.inquiries.min-fill-time=0s", "clinic.inquiries.rate-limit-max=100"})
class ContactFormPageIT {

    @TempDir
    static Path content;

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) {
        write("index.md", "Home", "nav:\n  label: Home\n  order: 1\n", "Welcome.");
        write("faq.md", "Questions", "nav:\n  label: Questions\n  order: 2\n", "Answers.");
        write("contact.md", "Book a consultation", "form: contact\n", "Tell us a little about yourself.");
        registry.add("clinic.content.dir", content::toString);
    }

    private static void write(String file, String title, String frontMatter, String body) {
        try {
            Files.writeString(
                    content.resolve(file),
                    "---\ntitle: " + title + "\ndescription: About " + title + ".\n" + frontMatter + "---\n" + body
                            + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContentRepository repository;

    @Autowired
    InquiryController controller;

    @Autowired
    ThymeleafViewResolver views;

    @Autowired
    Layout layout;

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("DELETE FROM inquiry").update();
    }

    private static String csrfField(Document page) {
        return page.select("form.inquiry input[name=_csrf]").val();
    }

    private static String formToken(Document page) {
        return page.select("form.inquiry input[name=formToken]").val();
    }

    /** The page with its two token values emptied. */
    private static String withoutTokens(Document page) {
        Document copy = page.clone();
        copy.select("form.inquiry input[name=_csrf], form.inquiry input[name=formToken]")
                .forEach(input -> input.attr("value", ""));
        return copy.outerHtml();
    }

    /** The form as GET /contact rendered it for every request before: the contact view, with these tokens. */
    private String renderedPerRequest(String csrf, String formToken) throws Exception {
        InquiryForm form = new InquiryForm();
        form.setFormToken(formToken);
        ModelAndView page = controller.formPage(form, Map.of(), Optional.empty(), HttpStatus.OK);
        Map<String, Object> model = new HashMap<>(page.getModel());
        model.putAll(layout.variables(repository.current(), "/contact"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/contact");
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", csrf));
        MockHttpServletResponse response = new MockHttpServletResponse();
        views.resolveViewName(page.getViewName(), Locale.ENGLISH).render(model, request, response);
        return response.getContentAsString();
    }

    @Test
    void theFormIsByteForByteThePageRenderedPerRequestWithItsOwnTokens() throws Exception {
        HttpResponse<String> opened = new HttpPages(port).get("/contact");
        Document page = HttpPages.html(opened);

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(csrfField(page)).isNotBlank();
        assertThat(formToken(page)).isNotBlank();
        assertThat(opened.body()).isEqualTo(renderedPerRequest(csrfField(page), formToken(page)));
    }

    @Test
    void everyOpeningGetsFreshTokensInTheSameDocumentAndThePostAcceptsThem() {
        HttpPages first = new HttpPages(port);
        HttpPages second = new HttpPages(port);
        HttpResponse<String> firstOpened = first.get("/contact");
        HttpResponse<String> secondOpened = second.get("/contact");
        Document firstPage = HttpPages.html(firstOpened);
        Document secondPage = HttpPages.html(secondOpened);

        assertThat(withoutTokens(secondPage)).isEqualTo(withoutTokens(firstPage));
        assertThat(csrfField(secondPage)).isNotEqualTo(csrfField(firstPage));
        assertThat(formToken(secondPage)).isNotEqualTo(formToken(firstPage));
        assertThat(secondOpened.headers().firstValue("Set-Cookie"))
                .isNotEqualTo(firstOpened.headers().firstValue("Set-Cookie"));
        Map<String, List<String>> firstFields =
                Map.of("_csrf", List.of(csrfField(firstPage)), "formToken", List.of(formToken(firstPage)));
        Map<String, List<String>> secondFields =
                Map.of("_csrf", List.of(csrfField(secondPage)), "formToken", List.of(formToken(secondPage)));
        assertThat(second.postForm("/contact", HttpPages.validInquiry(secondFields))
                        .statusCode())
                .isEqualTo(303);
        assertThat(first.postForm("/contact", HttpPages.validInquiry(firstFields))
                        .statusCode())
                .isEqualTo(303);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry").query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void theFormKeepsTheHeadersOfAPageWithTokensAndIsCompressedForClientsThatAcceptIt() throws Exception {
        HttpResponse<String> opened = new HttpPages(port).get("/contact");
        HttpResponse<InputStream> gzipped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/contact"))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());

        assertThat(opened.headers().firstValue("Cache-Control"))
                .hasValue("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(opened.headers().firstValue("Pragma")).hasValue("no-cache");
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(opened.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(opened.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(opened.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN=")
                .contains("Path=/contact", "HttpOnly", "SameSite=Lax"));
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream body = new GZIPInputStream(gzipped.body())) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("name=\"formToken\"");
        }
    }

    @Test
    void anEditToTheContentShowsOnTheFormAtOnce() {
        HttpPages browser = new HttpPages(port);
        assertThat(HttpPages.html(browser.get("/contact")).select(".prose").text())
                .isEqualTo("Tell us a little about yourself.");

        write("contact.md", "Book a consultation", "form: contact\n", "We answer within a working day.");
        write("faq.md", "Questions", "nav:\n  label: Your questions\n  order: 2\n", "Answers.");
        repository.reload();

        Document page = HttpPages.html(browser.get("/contact"));
        assertThat(page.select(".prose").text()).isEqualTo("We answer within a working day.");
        assertThat(page.select(".main-nav a").eachText()).contains("Your questions");
    }

    @Test
    void aFormWithErrorsIsShownAgainWithWhatWasTypedAndThenAccepted() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> incomplete = HttpPages.validInquiry(browser.openForm("/contact"));
        incomplete.remove("name");

        HttpResponse<String> shownAgain = browser.postForm("/contact", incomplete);

        assertThat(shownAgain.statusCode()).isEqualTo(422);
        Document page = HttpPages.html(shownAgain);
        assertThat(page.select("#error-summary a").eachText()).containsExactly("Enter your name");
        assertThat(page.getElementById("email").val()).isEqualTo("rosa@example.org");
        assertThat(page.getElementById("message").text()).isEqualTo("Evenings are worst — “quotes” and ünïcode");
        Map<String, List<String>> again = HttpPages.validInquiry(
                Map.of("_csrf", List.of(csrfField(page)), "formToken", List.of(formToken(page))));
        assertThat(browser.postForm("/contact", again).statusCode()).isEqualTo(303);
    }
}
