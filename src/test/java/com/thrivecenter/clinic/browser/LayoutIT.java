package com.thrivecenter.clinic.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.ReducedMotion;
import com.thrivecenter.clinic.content.ContentRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every page at every screen size, in print, with reduced motion and with text at 200%. */
class LayoutIT extends BrowserTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Pairs of visible text boxes that overlap where neither holds the other. Each line of a wrapped link is
     * its own box (getClientRects), so a link running over two lines is not taken for an overlap.
     */
    private static final String OVERLAPS =
            """
            () => {
              const boxes = [...document.querySelectorAll('h1,h2,h3,p,li,dt,dd,label,legend,a,button,input,textarea,select,th,td')]
                .filter(e => e.offsetParent !== null && e.checkVisibility())
                .flatMap(e => [...e.getClientRects()].map(r => ({ e, r })))
                .filter(b => b.r.width > 0 && b.r.height > 0 && b.r.bottom > 0);
              const found = new Set();
              for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                if (a.e === b.e || a.e.contains(b.e) || b.e.contains(a.e)) continue;
                const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                if (w > 2 && h > 2) found.add(a.e.tagName + ' "' + a.e.textContent.trim().slice(0, 30) + '" / '
                    + b.e.tagName + ' "' + b.e.textContent.trim().slice(0, 30) + '"');
              }
              return [...found];
            }""";

    @Autowired
    ContentRepository content;

    private List<String> paths() {
        return Stream.concat(content.current().publishedPages().stream().map(page -> page.url()), Stream.of("/contact"))
                .distinct()
                .toList();
    }

    private static String fileName(String path) {
        return path.equals("/") ? "home" : path.substring(1).replace('/', '-');
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"320, 640", "360, 740", "768, 1024", "1366, 768"})
    void everyPageFitsTheScreenWithUsableMenuAndTargets(int width, int height) {
        Page page = window(width, height);
        List<String> problems = new ArrayList<>();
        for (String path : paths()) {
            page.navigate(path);
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(SCREENSHOTS.resolve(width + "x" + height).resolve(fileName(path) + ".png")));
            int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            if (scrollWidth > width) {
                problems.add(path + " scrolls sideways: " + scrollWidth + " > " + width);
            }
            Locator targets =
                    page.locator(".main-nav a:visible, .menu > summary:visible, a.button:visible, button:visible");
            for (int i = 0; i < targets.count(); i++) {
                Locator target = targets.nth(i);
                BoundingBox box = target.boundingBox();
                if (box == null || box.width < 44 || box.height < 44 || box.x < 0 || box.x + box.width > width) {
                    problems.add(path + " target \"" + target.textContent().strip() + "\" is "
                            + (box == null
                                    ? "hidden"
                                    : Math.round(box.width) + "×" + Math.round(box.height) + " at x "
                                            + Math.round(box.x)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"320, 640", "360, 740", "768, 1024", "1366, 768"})
    void everyPageIsPhotographedInTheDarkColourSchemeAndFitsTheScreen(int width, int height) {
        Page page = window(
                new Browser.NewContextOptions().setViewportSize(width, height).setColorScheme(ColorScheme.DARK));
        List<String> problems = new ArrayList<>();
        for (String path : paths()) {
            page.navigate(path);
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(SCREENSHOTS.resolve(width + "x" + height + "-dark").resolve(fileName(path) + ".png")));
            assertThat(page.evaluate("getComputedStyle(document.body).backgroundColor"))
                    .as(path)
                    .isEqualTo("rgb(14, 25, 30)");
            int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            if (scrollWidth > width) {
                problems.add(path + " scrolls sideways: " + scrollWidth + " > " + width);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** On a phone the header stays small and its first screen already offers a call and a booking. */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"320, 640", "360, 740"})
    void onAPhoneTheHeaderIsCompactAndCallAndBookAreInTheFirstScreen(int width, int height) {
        Page page = window(width, height);
        for (String path : paths()) {
            page.navigate(path);
            assertThat(page.locator(".site-header").boundingBox().height)
                    .as(path)
                    .isLessThan(160);
            for (String target : List.of(".header-actions a[href^='tel:']", ".header-actions a[href='/contact']")) {
                Locator link = page.locator(target);
                BoundingBox box = link.boundingBox();
                assertThat(link.isVisible()).as(path + " " + target).isTrue();
                assertThat(box.y + box.height).as(path + " " + target).isLessThanOrEqualTo(height);
            }
            assertThat(page.locator(".header-actions a[href^='tel:']").getAttribute("href"))
                    .isEqualTo("tel:5550100100");
        }
    }

    @Test
    void onAPhoneTheMenuOpensAndLeadsOnWithoutJavaScript() {
        Page page = window(360, 740, false);
        page.navigate("/migraine/stages");
        assertThat(page.locator(".main-nav").isVisible()).isFalse();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("FAQ"))
                        .isVisible())
                .isFalse();

        page.locator(".menu > summary").click();
        Locator current = page.locator(".menu a[aria-current]");
        assertThat(current.textContent()).isEqualTo("Migraines");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("FAQ"))
                .click();

        page.waitForURL("**/faq");
        assertThat(page.locator("h1").textContent()).isEqualTo("Questions and answers");
    }

    /**
     * Lighthouse-style budgets, measured as the browser loads each page with an empty cache: under 30 KB over the
     * wire with its stylesheet and pictures, one stylesheet as the only thing that blocks rendering, no script.
     */
    @Test
    void everyPageStaysWithinItsBudget() {
        List<String> problems = new ArrayList<>();
        for (String path : paths()) {
            Page page = window(1366, 768);
            List<Response> responses = new ArrayList<>();
            page.onResponse(responses::add);
            page.navigate(path);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            long bytes = responses.stream()
                    .mapToLong(response -> response.request().sizes().responseBodySize)
                    .sum();
            if (bytes >= 30 * 1024) {
                problems.add(path + " weighs " + bytes + " bytes");
            }
            int stylesheets = page.locator("link[rel=stylesheet]").count();
            int scripts =
                    page.locator("script:not([type='application/ld+json'])").count();
            if (stylesheets != 1 || scripts != 0) {
                problems.add(path + " has " + stylesheets + " stylesheets and " + scripts + " scripts");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Every menu item on one row starts at the same height, and main's last block keeps clear of the footer. */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"360, 740", "1366, 768"})
    void menuItemsLineUpAndTheLastBlockKeepsClearOfTheFooter(int width, int height) {
        Page page = window(width, height);
        List<String> problems = new ArrayList<>();
        for (String path : paths()) {
            page.navigate(path);
            page.locator(".menu > summary:visible").all().forEach(Locator::click);
            List<BoundingBox> items = page.locator("nav[aria-label=Main] li:visible").all().stream()
                    .map(Locator::boundingBox)
                    .toList();
            // Items that wrapped onto a later row are compared with the first item of their own row.
            double rowTop = items.get(0).y;
            for (BoundingBox item : items) {
                if (item.y > rowTop + item.height / 2) {
                    rowTop = item.y;
                }
                if (Math.abs(item.y - rowTop) > 0.5) {
                    problems.add(path + ": a menu item starts " + Math.round(item.y - rowTop) + " px below its row");
                }
            }
            double gap = ((Number)
                            page.evaluate(
                                    """
                    () => {
                      const blocks = [...document.querySelectorAll('main *')].filter(e => e.offsetParent !== null
                          && e.getBoundingClientRect().height > 0);
                      const lastBottom = Math.max(...blocks.map(e => e.getBoundingClientRect().bottom));
                      return (document.querySelector('.site-footer').getBoundingClientRect().top - lastBottom)
                          / parseFloat(getComputedStyle(document.documentElement).fontSize);
                    }"""))
                    .doubleValue();
            if (gap < 1) {
                problems.add(path + ": the last block ends " + gap + "rem above the footer");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void printingAnArticleGivesTheTextAndItsAddressWithoutTheClutter() {
        Page page = window(1366, 768);
        page.navigate("/migraine/stages");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));

        assertThat(page.locator("article h1").isVisible()).isTrue();
        assertThat(page.locator("article .prose").isVisible()).isTrue();
        for (String clutter : List.of(
                ".main-nav", ".menu", ".skip-link", ".header-actions", ".sidebar", ".footer-columns", ".breadcrumb")) {
            assertThat(page.locator(clutter).isVisible()).as(clutter).isFalse();
        }
        assertThat(page.locator(".print-url").isVisible()).isTrue();
        assertThat(page.locator(".print-url").textContent()).contains("http://localhost:8080/migraine/stages");
        page.pdf(new Page.PdfOptions().setPath(SCREENSHOTS.resolve("print-migraine-stages.pdf")));
    }

    @Test
    void reducedMotionLeavesNothingMoving() {
        Page page = window(
                new Browser.NewContextOptions().setViewportSize(1366, 768).setReducedMotion(ReducedMotion.REDUCE));
        for (String path : paths()) {
            page.navigate(path);
            Object moving = page.evaluate(
                    """
                    () => [...document.querySelectorAll('*')].filter(e => { const s = getComputedStyle(e);
                      return s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0); })
                      .map(e => e.tagName)""");
            assertThat((List<?>) moving).as(path).isEmpty();
        }
    }

    @Test
    void textAtTwoHundredPercentStillReadsWithoutOverlap() {
        Page page = window(1366, 768);
        List<String> problems = new ArrayList<>();
        for (String path : paths()) {
            page.navigate(path);
            page.evaluate("document.documentElement.style.fontSize = '200%'");
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(SCREENSHOTS.resolve("text-200-percent").resolve(fileName(path) + ".png")));
            int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            if (scrollWidth > 1366) {
                problems.add(path + " scrolls sideways at 200% text");
            }
            ((List<?>) page.evaluate(OVERLAPS)).forEach(overlap -> problems.add(path + ": " + overlap));
        }
        assertThat(problems).isEmpty();
    }
}
