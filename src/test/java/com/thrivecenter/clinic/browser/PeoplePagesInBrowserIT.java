package com.thrivecenter.clinic.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The page types the clinic's own content does not use yet (an "Our team" page, a clinician profile, "Visit us"),
 * from the test fixtures: no axe finding, no sideways scrolling, a screenshot of each at each size and scheme.
 */
@TestPropertySource(properties = "clinic.content.dir=src/test/resources/fixture-content")
class PeoplePagesInBrowserIT extends BrowserTestSupport {

    private static final List<String> PAGES = List.of("/team", "/team/test-clinician", "/visit");

    @ParameterizedTest(name = "{0} px wide, {1}")
    @CsvSource({"320, LIGHT", "320, DARK", "768, LIGHT", "768, DARK", "1366, LIGHT", "1366, DARK"})
    void theTeamProfileAndVisitPagesAreAccessibleAndFitTheScreen(int width, ColorScheme scheme) {
        Page page = window(
                new Browser.NewContextOptions().setViewportSize(width, 800).setColorScheme(scheme));
        List<String> problems = new ArrayList<>();
        for (String path : PAGES) {
            page.navigate(path);
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of(
                                    "target",
                                    "screenshots",
                                    "page-types",
                                    width + "-" + scheme.name().toLowerCase())
                            .resolve(path.substring(1).replace('/', '-') + ".png")));
            for (Rule rule : new AxeBuilder(page)
                    .withTags(WCAG_A_AA_AND_BEST_PRACTICE)
                    .analyze()
                    .getViolations()) {
                problems.add(path + ": " + rule.getId());
            }
            int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            if (scrollWidth > width) {
                problems.add(path + " scrolls sideways: " + scrollWidth);
            }
        }
        assertThat(problems).isEmpty();
    }
}
