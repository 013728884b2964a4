package com.thrivecenter.clinic.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.thrivecenter.clinic.content.ContentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core finds no WCAG 2.0/2.1 A or AA violation on any page, public or staff, on a phone or a laptop. */
class AccessibilityIT extends BrowserTestSupport {

    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Autowired
    ContentRepository content;

    private final List<String> violations = new ArrayList<>();

    private void scan(Page page, String what) {
        for (Rule rule : new AxeBuilder(page).withTags(WCAG_A_AA).analyze().getViolations()) {
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

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {360, 1366})
    void everyPublicPageMeetsWcag21AA(int width) {
        Page page = window(width, 800);
        content.current().publishedPages().forEach(published -> visitAndScan(page, published.url()));
        visitAndScan(page, "/no-such-page");

        visitAndScan(page, "/contact");
        send(page);
        scan(page, "/contact with errors");
        fillInquiry(page, "Alex Accessible");
        send(page);
        page.waitForURL("**/contact/thanks?**");
        scan(page, "/contact/thanks");

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {360, 1366})
    void everyStaffPageMeetsWcag21AA(int width) {
        Page page = window(width, 800);
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
                "/staff/preview/faq")) {
            visitAndScan(page, path);
        }

        assertThat(violations).isEmpty();
    }
}
