package com.thrivecenter.clinic.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.thrivecenter.clinic.content.ContentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core finds no WCAG 2.0/2.1 A or AA violation and no best-practice one on any page, public or staff, on a
 * phone, a tablet and a laptop, in the light and the dark colour scheme.
 */
class AccessibilityIT extends BrowserTestSupport {

    @Autowired
    ContentRepository content;

    private final List<String> violations = new ArrayList<>();

    private void scan(Page page, String what) {
        for (Rule rule : new AxeBuilder(page)
                .withTags(WCAG_A_AA_AND_BEST_PRACTICE)
                .analyze()
                .getViolations()) {
            violations.add(what + ": " + rule.getId() + " "
                    + rule.getNodes().stream()
                            .map(node -> node.getTarget().toString())
                            .collect(Collectors.joining(", ")));
        }
    }

    private void visitAndScan(Page page, String path) {
        page.navigate(path);
        scan(page, path);
    }

    private Page window(int width, ColorScheme scheme) {
        return window(
                new Browser.NewContextOptions().setViewportSize(width, 800).setColorScheme(scheme));
    }

    @ParameterizedTest(name = "{0} px wide, {1}")
    @CsvSource({"320, LIGHT", "320, DARK", "768, LIGHT", "768, DARK", "1366, LIGHT", "1366, DARK"})
    void everyPublicPageMeetsWcag21AA(int width, ColorScheme scheme) {
        Page page = window(width, scheme);
        content.current().publishedPages().forEach(published -> visitAndScan(page, published.url()));
        visitAndScan(page, "/no-such-page");

        page.navigate("/faq");
        page.locator("details.menu > summary")
                .filter(new Locator.FilterOptions().setVisible(true))
                .all()
                .forEach(Locator::click);
        page.evaluate("document.querySelectorAll('.questions details').forEach(question => question.open = true)");
        scan(page, "/faq with its menu and every answer open");

        visitAndScan(page, "/contact");
        send(page);
        scan(page, "/contact with errors");
        fillInquiry(page, "Alex Accessible");
        send(page);
        page.waitForURL("**/contact/thanks?**");
        scan(page, "/contact/thanks");

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0} px wide, {1}")
    @CsvSource({"320, LIGHT", "320, DARK", "768, LIGHT", "768, DARK", "1366, LIGHT", "1366, DARK"})
    void everyStaffPageMeetsWcag21AA(int width, ColorScheme scheme) {
        Page page = window(width, scheme);
        page.navigate("/contact");
        fillInquiry(page, "Sam Staffview");
        send(page);
        String reference = page.locator(".reference").textContent().strip();

        visitAndScan(page, "/staff/login");
        signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        for (String path : List.of(
                "/staff",
                "/staff?status=NEW&q=sam",
                "/staff/inquiries/" + reference,
                "/staff/content",
                "/staff/accounts",
                "/staff/audit",
                "/staff/audit/access?reference=" + reference,
                "/staff/audit/access?reference=not-a-reference",
                "/staff/preview/faq",
                "/staff/content/edit/faq",
                "/staff/content/new",
                "/staff/images",
                "/staff/account")) {
            visitAndScan(page, path);
        }

        assertThat(violations).isEmpty();
    }
}
