package com.thrivecenter.clinic.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.content.TemporaryContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Staff edit a page in the browser: fields, preview of unsaved text, checks, save, conflicts, new pages. */
@SpringBootTest(
        properties = {
            "clinic.staff.admin-email=" + StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password=" + PageEditorTests.PASSWORD,
            "clinic.content.history=true",
            "clinic.content.time-zone=America/Chicago"
        })
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class PageEditorTests {

    static final String PASSWORD = "first-admin-password";
    private static final Path CONTENT = TemporaryContent.create("editor-content");
    private static final String FAQ = "---\ntitle: Questions and answers\ndescription: What patients ask.\n"
            + "nav:\n  label: FAQ\n  order: 40\n---\n## Does it hurt?\n\nA small needle, once.\n";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private StaffSession staff;

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) {
        registry.add("clinic.content.dir", CONTENT::toString);
    }

    @AfterAll
    static void removeContentFolder() {
        TemporaryContent.delete(CONTENT);
    }

    @BeforeEach
    void freshPagesAndSignIn() throws Exception {
        TemporaryContent.deletePagesKeepingHistory(CONTENT);
        write("index.md", "---\ntitle: Home\ndescription: The clinic.\n---\nWelcome.\n");
        write("faq.md", FAQ);
        reload();
        StaffFixture.clear(jdbc);
        staff = StaffSession.signIn(mvc, StaffFixture.FIRST_ADMIN, PASSWORD);
    }

    private static void write(String file, String text) throws IOException {
        Path path = CONTENT.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static String read(String file) throws IOException {
        return Files.readString(CONTENT.resolve(file));
    }

    @Autowired
    com.thrivecenter.clinic.content.ContentRepository content;

    private void reload() {
        content.reload();
    }

    private static Document html(MvcResult result) {
        return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    /** The editor's form as the browser would send it, after the given changes to its fields. */
    private String[] formOf(Document editor, String action, String... changes) {
        Element form = editor.selectFirst("form#page-form");
        java.util.List<String> pairs = new java.util.ArrayList<>();
        java.util.Map<String, String> changed = new java.util.LinkedHashMap<>();
        for (int i = 0; i < changes.length; i += 2) {
            changed.put(changes[i], changes[i + 1]);
        }
        for (Element field : form.select("input[name], textarea[name]")) {
            String name = field.attr("name");
            if (name.equals("_csrf") || (field.attr("type").equals("checkbox") && !field.hasAttr("checked"))) {
                continue;
            }
            pairs.add(name);
            pairs.add(
                    changed.containsKey(name)
                            ? changed.remove(name)
                            : field.tagName().equals("textarea") ? field.text() : field.val());
        }
        changed.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        pairs.add("action");
        pairs.add(action);
        return pairs.toArray(String[]::new);
    }

    @Test
    void theEditorShowsTheFrontMatterAsFieldsAndIsNeverStored() throws Exception {
        MvcResult result = staff.get("/staff/content/edit/faq");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
        Document editor = html(result);
        assertThat(editor.select("#title").val()).isEqualTo("Questions and answers");
        assertThat(editor.select("#description").text()).isEqualTo("What patients ask.");
        assertThat(editor.select("#description-count").text())
                .startsWith("18 characters; search engines show about 160");
        assertThat(editor.select("#navLabel").val()).isEqualTo("FAQ");
        assertThat(editor.select("#navOrder").val()).isEqualTo("40");
        assertThat(editor.select("#body").text()).contains("## Does it hurt?", "A small needle, once.");
        assertThat(editor.select("label[for]").eachAttr("for"))
                .allSatisfy(id -> assertThat(editor.getElementById(id)).as(id).isNotNull());
    }

    @Test
    void previewShowsTheUnsavedTextThroughTheRealLayoutAndSavesNothing() throws Exception {
        Document editor = html(staff.get("/staff/content/edit/faq"));

        MvcResult result = staff.post("/staff/content/edit", formOf(editor, "preview", "title", "Your questions"));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Element frame = html(result).selectFirst("iframe#preview");
        assertThat(frame.attr("sandbox")).isEmpty();
        Document preview = Jsoup.parse(frame.attr("srcdoc"));
        assertThat(preview.select("main h1").text()).isEqualTo("Your questions");
        assertThat(preview.select(".preview-banner").text()).contains("Preview");
        assertThat(preview.select("nav[aria-label=Main] a").eachText()).contains("FAQ");
        assertThat(preview.select("link[rel=stylesheet]").attr("href")).startsWith("/css/site-");
        assertThat(read("faq.md")).isEqualTo(FAQ);

        MvcResult live = staff.post("/staff/content/preview", formOf(editor, "preview", "title", "Typed just now"));
        assertThat(Jsoup.parse(live.getResponse().getContentAsString())
                        .select("main h1")
                        .text())
                .isEqualTo("Typed just now");
    }

    @Test
    void aSaveWritesTheFileShowsOnTheSiteAndIsAudited() throws Exception {
        Document editor = html(staff.get("/staff/content/edit/faq"));

        MvcResult saved = staff.post(
                "/staff/content/edit",
                formOf(
                        editor,
                        "save",
                        "title",
                        "Questions: \"quoted\" and # hashed",
                        "body",
                        "New answer.",
                        "message",
                        "Clearer answer"));

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/staff/content/edit/faq");
        assertThat(read("faq.md")).contains("New answer.").doesNotContain("A small needle");
        Document page = html(mvc.get().uri("/faq").exchange().getMvcResult());
        assertThat(page.select("main h1").text()).isEqualTo("Questions: \"quoted\" and # hashed");
        assertThat(page.select("nav[aria-label=Main] a").eachText()).contains("FAQ");
        assertThat(jdbc.sql("SELECT actor, target, detail FROM audit_event WHERE action = 'PAGE_SAVED'")
                        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                        .list())
                .singleElement()
                .asString()
                .startsWith(StaffFixture.FIRST_ADMIN + " faq.md version ")
                .endsWith(": Clearer answer");
    }

    @Test
    void aClinicianProfileKeepsItsDetailsThroughTheEditor() throws Exception {
        String frontMatter = "---\ntitle: Dr. Test Clinician\ndescription: An invented clinician for the tests.\n"
                + "layout: clinician\ncredentials: MD, fixture board\nrole: Fixture director\n"
                + "photo: /images/test-clinician.png\nphoto-alt: Portrait of the fixture clinician\n---\n";
        write("team/test-clinician.md", frontMatter + "An invented biography.\n");
        reload();

        Document editor = html(staff.get("/staff/content/edit/team/test-clinician"));
        assertThat(editor.select("fieldset:has(#credentials) > legend").text()).isEqualTo("Clinician profile");
        assertThat(editor.select("#credentials").val()).isEqualTo("MD, fixture board");
        assertThat(editor.select("#role").val()).isEqualTo("Fixture director");
        assertThat(editor.select("#photo").val()).isEqualTo("/images/test-clinician.png");
        assertThat(editor.select("#photoAlt").val()).isEqualTo("Portrait of the fixture clinician");
        assertThat(editor.select("#layout option[selected]").val()).isEqualTo("clinician");

        // The test's form reader sends inputs and text areas; the page type is a select, so it is sent as a browser
        // would.
        MvcResult saved = staff.post(
                "/staff/content/edit",
                formOf(editor, "save", "layout", "clinician", "body", "A longer invented biography."));

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/staff/content/edit/team/test-clinician");
        assertThat(read("team/test-clinician.md")).isEqualTo(frontMatter + "A longer invented biography.\n");
    }

    @Test
    void brokenFrontMatterIsRefusedWithWhatWasTypedKept() throws Exception {
        Document editor = html(staff.get("/staff/content/edit/faq"));

        MvcResult refused =
                staff.post("/staff/content/edit", formOf(editor, "save", "navOrder", "forty", "body", "Typed text."));

        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        Document page = html(refused);
        assertThat(page.select("#error-summary li").text()).contains("Page settings", "expected a whole number");
        assertThat(page.select("#body").text()).isEqualTo("Typed text.");
        assertThat(page.select("#navOrder").val()).isEqualTo("forty");
        assertThat(read("faq.md")).isEqualTo(FAQ);
    }

    @Test
    void aBrokenLinkIsAWarningWithItsLineOfTheTextAndDoesNotBlockTheSave() throws Exception {
        Document editor = html(staff.get("/staff/content/edit/faq"));

        Document preview = html(staff.post(
                "/staff/content/edit", formOf(editor, "preview", "body", "First line.\n\nSee [nothing](/nowhere).")));
        assertThat(preview.select("#error-summary li").text())
                .contains("Text, line 3")
                .contains("/nowhere");

        MvcResult saved = staff.post(
                "/staff/content/edit", formOf(editor, "save", "body", "First line.\n\nSee [nothing](/nowhere)."));
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(read("faq.md")).contains("/nowhere");
    }

    @Test
    void aPageChangedSinceItWasOpenedIsNotOverwrittenAndNothingTypedIsLost() throws Exception {
        Document mine = html(staff.get("/staff/content/edit/faq"));
        write("faq.md", FAQ.replace("A small needle, once.", "Their answer."));
        reload();

        MvcResult conflict = staff.post("/staff/content/edit", formOf(mine, "save", "body", "My answer."));

        assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
        Document page = html(conflict);
        assertThat(page.select("#conflict h2").text()).isEqualTo("This page changed after you opened it");
        assertThat(page.select("#conflict table.diff tr.removed").text()).contains("Their answer.");
        assertThat(page.select("#conflict table.diff tr.added").text()).contains("My answer.");
        assertThat(page.select("#body").text()).isEqualTo("My answer.");
        assertThat(read("faq.md")).contains("Their answer.");

        MvcResult again = staff.post("/staff/content/edit", formOf(page, "save"));
        assertThat(again.getResponse().getStatus()).isEqualTo(302);
        assertThat(read("faq.md")).contains("My answer.").doesNotContain("Their answer.");
    }

    @Test
    void aNewPageIsSavedAtItsAddressAndAnAddressInUseIsRefused() throws Exception {
        Document blank = html(staff.get("/staff/content/new"));

        MvcResult taken = staff.post(
                "/staff/content/edit",
                formOf(blank, "save", "address", "/faq", "title", "Again", "description", "Again.", "body", "Text."));
        assertThat(taken.getResponse().getStatus()).isEqualTo(422);
        assertThat(html(taken).select("#error-summary").text()).contains("free address");

        MvcResult saved = staff.post(
                "/staff/content/edit",
                formOf(
                        blank,
                        "save",
                        "address",
                        "/conditions/cluster-headache",
                        "title",
                        "Cluster headache",
                        "description",
                        "About cluster headache.",
                        "body",
                        "Text."));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/staff/content/edit/conditions/cluster-headache");
        assertThat(read("conditions/cluster-headache.md")).startsWith("---\ntitle: Cluster headache\n");
        assertThat(mvc.get().uri("/conditions/cluster-headache")).hasStatusOk();
    }

    @Test
    void aFormCanOnlySaveToAPagesOwnFile() throws Exception {
        Document editor = html(staff.get("/staff/content/edit/faq"));

        MvcResult forged = staff.post("/staff/content/edit", formOf(editor, "save", "file", "../outside.md"));

        assertThat(forged.getResponse().getStatus()).isEqualTo(422);
        assertThat(CONTENT.resolveSibling("outside.md")).doesNotExist();
        assertThat(read("faq.md")).isEqualTo(FAQ);
    }

    @Test
    void onlySignedInStaffWithTheFormsTokenMayEdit() throws Exception {
        assertThat(mvc.get().uri("/staff/content/edit/faq")).hasStatus3xxRedirection();
        Document editor = html(staff.get("/staff/content/edit/faq"));

        assertThat(staff.postWithoutCsrf("/staff/content/edit", formOf(editor, "save", "body", "Forged."))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(read("faq.md")).isEqualTo(FAQ);
    }

    @Test
    void everySaveIsAVersionThatCanBeComparedViewedAndRestored() throws Exception {
        Document editor = html(staff.get("/staff/content/edit/faq"));
        staff.post("/staff/content/edit", formOf(editor, "save", "body", "Second answer.", "message", "Second"));
        editor = html(staff.get("/staff/content/edit/faq"));
        staff.post("/staff/content/edit", formOf(editor, "save", "body", "Third answer.", "message", "Third"));

        Document history = html(staff.get("/staff/content/history?file=faq.md"));
        assertThat(history.select("tbody tr td:nth-child(3)").eachText()).startsWith("Third", "Second");
        assertThat(history.select("tbody tr td:nth-child(2)").eachText()).contains(StaffFixture.FIRST_ADMIN);
        java.util.List<String> ids = history.select("input[name=to]").eachAttr("value");

        Document compare =
                html(staff.get("/staff/content/history/compare?file=faq.md&from=" + ids.get(1) + "&to=" + ids.get(0)));
        assertThat(compare.select("tr.removed").text()).contains("Second answer.");
        assertThat(compare.select("tr.added").text()).contains("Third answer.");

        Document second = html(staff.get("/staff/content/history/version?file=faq.md&version=" + ids.get(1)));
        assertThat(second.select(".prose").text()).isEqualTo("Second answer.");
        assertThat(second.select(".preview-banner").text()).contains("Preview");

        MvcResult restored = staff.post("/staff/content/history/restore", "file", "faq.md", "version", ids.get(1));
        assertThat(restored.getResponse().getRedirectedUrl()).isEqualTo("/staff/content/history?file=faq.md");
        assertThat(read("faq.md")).contains("Second answer.");
        Document after = html(staff.get("/staff/content/history?file=faq.md"));
        assertThat(after.select("tbody tr")).hasSize(history.select("tbody tr").size() + 1);
        assertThat(after.select("tbody tr td:nth-child(3)").first().text()).startsWith("Restored the version of");
        assertThat(html(mvc.get().uri("/faq").exchange().getMvcResult())
                        .select(".prose")
                        .text())
                .isEqualTo("Second answer.");
    }

    @Test
    void aDeletedPageIsAVersionTooAndComesBackWhenRestored() throws Exception {
        MvcResult deleted = staff.post("/staff/content/delete", "file", "faq.md");

        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/staff/content/history?file=faq.md");
        assertThat(CONTENT.resolve("faq.md")).doesNotExist();
        assertThat(mvc.get().uri("/faq")).hasStatus(org.springframework.http.HttpStatus.NOT_FOUND);
        assertThat(html(staff.get("/staff/content")).select(".deleted-pages a").eachAttr("href"))
                .contains("/staff/content/history?file=faq.md");
        Document history = html(staff.get("/staff/content/history?file=faq.md"));
        String before = history.select("input[name=to]").eachAttr("value").get(1);

        staff.post("/staff/content/history/restore", "file", "faq.md", "version", before);

        assertThat(read("faq.md")).isEqualTo(FAQ);
        assertThat(mvc.get().uri("/faq")).hasStatusOk();
        assertThat(html(staff.get("/staff/content")).select(".deleted-pages a").eachAttr("href"))
                .doesNotContain("/staff/content/history?file=faq.md");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target = 'faq.md' ORDER BY id")
                        .query(String.class)
                        .list())
                .containsSubsequence("PAGE_DELETED", "PAGE_RESTORED");
    }

    @Test
    void aMovedPageKeepsItsOldAddressAliveAndLinksToItAreListedForFixing() throws Exception {
        write("index.md", "---\ntitle: Home\ndescription: The clinic.\n---\nSee the [questions](/faq).\n");
        reload();
        Document editor = html(staff.get("/staff/content/edit/faq"));

        MvcResult moved = staff.post("/staff/content/edit", formOf(editor, "save", "address", "/questions"));

        assertThat(moved.getResponse().getRedirectedUrl()).isEqualTo("/staff/content/edit/questions");
        assertThat(CONTENT.resolve("faq.md")).doesNotExist();
        assertThat(read("questions.md")).contains("aliases:\n  - /faq\n").contains("A small needle, once.");
        assertThat(mvc.get().uri("/faq?from=bookmark"))
                .hasStatus(org.springframework.http.HttpStatus.MOVED_PERMANENTLY)
                .hasRedirectedUrl("/questions?from=bookmark");
        assertThat(mvc.get().uri("/questions")).hasStatusOk();
        String sitemap = mvc.get().uri("/sitemap.xml").exchange().getResponse().getContentAsString();
        assertThat(sitemap).contains("/questions</loc>").doesNotContain("/faq</loc>");
        assertThat(html(staff.get("/staff/content")).select(".problems").text())
                .contains("the link to /faq goes to a page that moved to /questions");
        assertThat(html(staff.get("/staff/content/history?file=questions.md")).select("tbody tr"))
                .isNotEmpty();
        assertThat(jdbc.sql("SELECT target FROM audit_event WHERE action = 'PAGE_MOVED'")
                        .query(String.class)
                        .list())
                .containsExactly("faq.md to questions.md");

        Document again = html(staff.get("/staff/content/edit/questions"));
        MvcResult taken = staff.post("/staff/content/edit", formOf(again, "save", "address", "/"));
        assertThat(taken.getResponse().getStatus()).isEqualTo(422);
        assertThat(html(taken).select("#error-summary").text()).contains("is taken");
    }

    @Test
    void filesChangedOnDiskAreListedAndRecordedInOneVersion() throws Exception {
        staff.post("/staff/content/record");
        write("privacy.md", "---\ntitle: Privacy\ndescription: Kept private.\n---\nWritten on the server.\n");
        reload();

        Document content = html(staff.get("/staff/content"));
        assertThat(content.select("h2").eachText()).contains("Changed outside the editor");
        assertThat(content.select("h2:containsOwn(Changed outside the editor) ~ ul")
                        .first()
                        .text())
                .contains("privacy.md");

        MvcResult recorded = staff.post("/staff/content/record");

        assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo("/staff/content");
        assertThat(html(staff.get("/staff/content")).select("h2").eachText())
                .doesNotContain("Changed outside the editor");
        assertThat(html(staff.get("/staff/content/history?file=privacy.md"))
                        .select("tbody tr td:nth-child(2)")
                        .eachText())
                .containsExactly(StaffFixture.FIRST_ADMIN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'OUTSIDE_CHANGES_RECORDED'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void aPageScheduledInTheEditorAppearsOnTimeWithoutARestart() throws Exception {
        LocalDateTime inAnHour = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("America/Chicago"))
                .plusHours(1)
                .truncatedTo(ChronoUnit.MINUTES);
        Document blank = html(staff.get("/staff/content/new"));
        staff.post(
                "/staff/content/edit",
                formOf(
                        blank,
                        "save",
                        "address",
                        "/holiday-hours",
                        "title",
                        "Holiday hours",
                        "description",
                        "When the clinic is open over the holidays.",
                        "navLabel",
                        "Holidays",
                        "navOrder",
                        "5",
                        "publish",
                        inAnHour.toString(),
                        "body",
                        "Closed on Thursday."));
        assertThat(mvc.get().uri("/holiday-hours")).hasStatus(org.springframework.http.HttpStatus.NOT_FOUND);
        assertThat(html(staff.get("/staff/content")).select("tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).startsWith("/holiday-hours Holiday hours Scheduled for"));

        clock.advance(Duration.ofHours(1));

        Awaitility.await()
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(mvc.get().uri("/holiday-hours")).hasStatusOk());
        assertThat(html(mvc.get().uri("/").exchange().getMvcResult())
                        .select("nav[aria-label=Main] a")
                        .eachText())
                .contains("Holidays");
        assertThat(mvc.get().uri("/sitemap.xml").exchange().getResponse().getContentAsString())
                .contains("/holiday-hours</loc>");
    }
}
