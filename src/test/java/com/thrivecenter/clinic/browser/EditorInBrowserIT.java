package com.thrivecenter.clinic.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.thrivecenter.clinic.content.history.Author;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.content.history.Version;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A member of staff edits a page in Chromium, by keyboard: live preview as they type, the Preview button without
 * JavaScript, save, the page live, its history, a comparison and a restore. The editor, history, compare and images
 * pages pass axe (WCAG 2.1 AA) on a phone and a laptop. The site runs on a content folder of its own, with history.
 */
class EditorInBrowserIT extends BrowserTestSupport {

    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "editor");

    /** The focused element, and whether its focus is visible (an outline of at least 2 px). */
    private static final String FOCUSED =
            """
            () => { const e = document.activeElement; const s = getComputedStyle(e);
                    return { tag: e.tagName, id: e.id, text: (e.textContent || '').trim().slice(0, 40),
                             outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 }; }""";

    private static final Page.GetByLabelOptions EXACT_LABEL = new Page.GetByLabelOptions().setExact(true);

    @TempDir
    static Path content;

    @Autowired
    ContentHistory history;

    private final List<String> withoutVisibleFocus = new ArrayList<>();

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) throws IOException {
        write("index.md", page("Home", "", "Welcome to the clinic."));
        write("directions.md", page("Directions", "nav:\n  label: Directions\n  order: 10\n", "Take the second exit."));
        write("visits.md", page("Visits", "", "Your first visit takes about two hours."));
        write("aftercare.md", page("Aftercare", "", "Rest for the rest of the day."));
        write("fees.md", page("Fees", "", "Ask the front desk about fees.\n\n![Our front desk](/images/desk.png)"));
        write("parking.md", page("Parking", "", "Park behind the building.\n\n![The way in](/images/gone.png)"));
        Files.createDirectories(content.resolve("images"));
        ImageIO.write(
                new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB),
                "png",
                content.resolve("images/desk.png").toFile());
        ImageIO.write(
                new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB),
                "png",
                content.resolve("images/spare.png").toFile());
        registry.add("clinic.content.dir", content::toString);
        registry.add("clinic.content.history", () -> "true");
    }

    private static String page(String title, String frontMatter, String body) {
        return "---\ntitle: " + title + "\ndescription: What to know about " + title.toLowerCase() + " at the clinic.\n"
                + frontMatter + "---\n" + body + "\n";
    }

    private static void write(String file, String text) throws IOException {
        Files.writeString(content.resolve(file), text);
    }

    @Test
    void editPreviewSaveSeeItLiveCompareAndRestoreByKeyboard() {
        Page staff = window(1366, 900);
        signIn(staff, ADMIN_EMAIL, ADMIN_PASSWORD);

        tabTo(staff, staff.locator(".staff-bar a", new Page.LocatorOptions().setHasText("Content")));
        staff.keyboard().press("Enter");
        staff.waitForURL("**/staff/content");
        tabTo(staff, staff.locator("a[aria-label='Edit /visits']"));
        staff.keyboard().press("Enter");
        staff.waitForURL("**/staff/content/edit/visits");
        Response editor = staff.reload();
        assertThat(editor.headerValue("cache-control")).contains("no-store");

        tabTo(staff, staff.locator("#title"));
        staff.keyboard().press("Control+A");
        staff.keyboard().type("Your first visit");
        tabTo(staff, staff.locator("#body"));
        staff.keyboard().press("Control+A");
        staff.keyboard().type("Plan for about three hours on your first visit.");
        // Nothing pressed: the script sends the text as staff type and shows the page it would be.
        assertThat(staff.frameLocator("#preview").locator("h1")).hasText("Your first visit");
        assertThat(staff.frameLocator("#preview").locator("main"))
                .containsText("Plan for about three hours on your first visit.");
        staff.screenshot(screenshot("editor-live-preview"));

        Page noScript = window(1366, 900, false);
        signIn(noScript, ADMIN_EMAIL, ADMIN_PASSWORD);
        noScript.navigate("/staff/content/edit/visits");
        assertThat(noScript.locator("#preview")).hasCount(0);
        noScript.getByLabel("Title", EXACT_LABEL).fill("Visits without scripts");
        noScript.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Preview").setExact(true))
                .press("Enter");
        assertThat(noScript.frameLocator("#preview").locator("h1")).hasText("Visits without scripts");
        assertThat(noScript.frameLocator("#preview").locator("main"))
                .containsText("Your first visit takes about two hours.");

        tabTo(staff, staff.locator("#message"));
        staff.keyboard().type("Three hours, not two");
        tabTo(
                staff,
                staff.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true)));
        staff.keyboard().press("Enter");
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("Saved.");

        Page visitor = window(1366, 900);
        visitor.navigate("/visits");
        assertThat(visitor.locator("h1")).hasText("Your first visit");
        assertThat(visitor.locator("main")).containsText("Plan for about three hours on your first visit.");

        tabTo(staff, staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History of this page")));
        staff.keyboard().press("Enter");
        staff.waitForURL("**/staff/content/history?file=visits.md");
        Locator versions = staff.locator("table tbody tr");
        assertThat(versions).hasCount(2);
        assertThat(versions.first()).containsText("Three hours, not two");
        assertThat(versions.first()).containsText(ADMIN_EMAIL);
        staff.screenshot(screenshot("history"));

        tabTo(
                staff,
                staff.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare the two chosen versions")));
        staff.keyboard().press("Enter");
        staff.waitForURL("**/staff/content/history/compare?**");
        assertThat(staff.locator("tr.removed"))
                .containsText(new String[] {"title: Visits", "Your first visit takes about two hours."});
        assertThat(staff.locator("tr.added"))
                .containsText(
                        new String[] {"title: Your first visit", "Plan for about three hours on your first visit."});
        staff.screenshot(screenshot("compare"));

        tabTo(staff, staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the history")));
        staff.keyboard().press("Enter");
        staff.waitForURL("**/staff/content/history?file=visits.md");
        String first = oldest(history.versions("visits.md")).id();
        tabTo(staff, staff.getByLabel("Version", EXACT_LABEL));
        staff.getByLabel("Version", EXACT_LABEL).selectOption(first);
        tabTo(staff, staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore this version")));
        staff.keyboard().press("Enter");
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("Restored.");
        assertThat(versions).hasCount(3);
        assertThat(versions.first()).containsText("Restored the version of");

        // A new visitor: the first one's browser may keep the page it saw for the pages' max-age.
        Page nextVisitor = window(1366, 900);
        nextVisitor.navigate("/visits");
        assertThat(nextVisitor.locator("h1")).hasText("Visits");
        assertThat(nextVisitor.locator("main")).containsText("Your first visit takes about two hours.");

        staff.navigate("/staff/images");
        staff.screenshot(screenshot("images"));

        assertThat(withoutVisibleFocus).as("focused without a visible outline").isEmpty();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {360, 1366})
    void editorHistoryCompareAndImagesMeetWcag21AA(int width) throws IOException {
        // A second version of its own, so the comparison has lines removed and added.
        Version newest = history.save(
                "fees.md",
                page(
                        "Fees",
                        "",
                        "Fees are on the price list, " + width + " px.\n\n![Our front desk](/images/desk.png)"),
                new Author(ADMIN_EMAIL, ADMIN_EMAIL),
                "Price list");
        String previous = history.versions("fees.md").get(1).id();
        Page staff = window(width, 800);
        signIn(staff, ADMIN_EMAIL, ADMIN_PASSWORD);
        List<String> violations = new ArrayList<>();

        visitAndScan(staff, "/staff/content/new", violations);
        visitAndScan(staff, "/staff/content/edit/aftercare", violations);

        staff.getByLabel("Text (Markdown)").fill("We guarantee a cure. See [the fees](/no-such-page).");
        staff.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Preview").setExact(true))
                .click();
        assertThat(staff.locator("#error-summary li")).not().hasCount(0);
        assertThat(staff.frameLocator("#preview").locator("main")).containsText("We guarantee a cure.");
        scan(staff, "editor with problems", violations);
        staff.screenshot(screenshot("editor-problems-" + width));

        staff.navigate("/staff/content/edit/aftercare");
        write("aftercare.md", page("Aftercare", "", "Rest for the rest of the day, " + width + " px."));
        staff.getByLabel("Title", EXACT_LABEL).fill("After your treatment");
        staff.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        assertThat(staff.locator("#conflict h2")).hasText("This page changed after you opened it");
        assertThat(staff.getByLabel("Title", EXACT_LABEL)).hasValue("After your treatment");
        scan(staff, "editor with a conflict", violations);
        staff.screenshot(screenshot("editor-conflict-" + width));

        visitAndScan(staff, "/staff/content/history?file=fees.md", violations);
        visitAndScan(
                staff,
                "/staff/content/history/compare?file=fees.md&from=" + previous + "&to=" + newest.id(),
                violations);
        assertThat(staff.locator("tr.added")).not().hasCount(0);
        visitAndScan(staff, "/staff/images", violations);
        assertThat(staff.locator(".missing-images")).containsText("/images/gone.png");

        assertThat(violations).isEmpty();
    }

    private static Version oldest(List<Version> newestFirst) {
        return newestFirst.get(newestFirst.size() - 1);
    }

    private void visitAndScan(Page page, String path, List<String> violations) {
        Response response = page.navigate(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.headerValue("cache-control")).as(path).contains("no-store");
        scan(page, path, violations);
    }

    private static void scan(Page page, String what, List<String> violations) {
        // The preview frame is sandboxed without scripts, so axe cannot run inside it; what it shows is a public page,
        // which AccessibilityIT scans on its own.
        for (Rule rule : new AxeBuilder(page)
                .withTags(WCAG_A_AA)
                .exclude("#preview")
                .analyze()
                .getViolations()) {
            violations.add(what + ": " + rule.getId() + " "
                    + rule.getNodes().stream()
                            .map(node -> node.getTarget().toString())
                            .collect(Collectors.joining(", ")));
        }
    }

    /** Presses Tab until the element has focus, noting every stop whose focus cannot be seen. */
    @SuppressWarnings("unchecked")
    private void tabTo(Page page, Locator target) {
        for (int presses = 0; presses < 150; presses++) {
            page.keyboard().press("Tab");
            Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUSED);
            // Inside the preview frame the outline is the frame's own page's business.
            if (!Boolean.TRUE.equals(focused.get("outline")) && !"IFRAME".equals(focused.get("tag"))) {
                withoutVisibleFocus.add(page.url() + " " + focused);
            }
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target + " on " + page.url());
    }

    private static Page.ScreenshotOptions screenshot(String name) {
        return new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png"));
    }
}
