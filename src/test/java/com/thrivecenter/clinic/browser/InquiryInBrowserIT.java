package com.thrivecenter.clinic.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.PageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A patient finds the form and sends an inquiry: by keyboard alone, through errors, and without JavaScript. */
class InquiryInBrowserIT extends BrowserTestSupport {

    private static final String FOCUSED =
            """
            () => { const e = document.activeElement; const s = getComputedStyle(e);
                    return { id: e.id, tag: e.tagName, text: (e.textContent || '').trim().slice(0, 60),
                             outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 }; }""";

    @Autowired
    ContentRepository content;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> focused(Page page) {
        return (Map<String, Object>) page.evaluate(FOCUSED);
    }

    @Test
    void thereAndBackByKeyboardAlone() {
        Page page = window(1366, 900);
        page.navigate("/");

        page.keyboard().press("Tab");
        assertThat(focused(page)).containsEntry("text", "Skip to main content").containsEntry("outline", true);
        page.keyboard().press("Enter");
        assertThat(focused(page)).containsEntry("id", "main-content");

        page.navigate("/");
        List<String> header = new ArrayList<>();
        for (int i = 0; i < 12 && !header.contains("Book a consultation"); i++) {
            page.keyboard().press("Tab");
            Map<String, Object> element = focused(page);
            assertThat(element.get("outline"))
                    .as("visible focus on %s", element)
                    .isEqualTo(true);
            header.add((String) element.get("text"));
        }
        assertThat(header)
                .containsExactly(
                        "Skip to main content",
                        "Thrive Center for Health",
                        "Migraines",
                        "Ketamine therapy",
                        "Conditions",
                        "FAQ",
                        "Call (555) 010-0100",
                        "Book a consultation");
        page.keyboard().press("Enter");
        page.waitForURL("**/contact");

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 80 && !order.contains("send"); i++) {
            page.keyboard().press("Tab");
            Map<String, Object> element = focused(page);
            assertThat(element.get("outline"))
                    .as("visible focus on %s", element)
                    .isEqualTo(true);
            String id = (String) element.get("id");
            switch (id) {
                case "name" -> page.keyboard().type("Kim Keyboard");
                case "email" -> page.keyboard().type("kim@example.org");
                case "phone" -> page.keyboard().type("555 010 0177");
                case "contactMethod-PHONE", "reason-MIGRAINE", "consent", "preferredTimes-wednesday-afternoon" ->
                    page.keyboard().press("Space");
                default -> {}
            }
            order.add("BUTTON".equals(element.get("tag")) && "Send inquiry".equals(element.get("text")) ? "send" : id);
        }
        assertThat(order)
                .containsSubsequence(
                        "name",
                        "email",
                        "phone",
                        "contactMethod-PHONE",
                        "reason-MIGRAINE",
                        "message",
                        "preferredTimes-monday-morning",
                        "preferredTimes-friday-evening",
                        "referredByPhysician-yes",
                        "consent",
                        "send");

        page.keyboard().press("Enter");
        page.waitForURL("**/contact/thanks?**");
        assertThat(page.locator(".reference").textContent().strip()).matches("TCH-[2-9A-HJKMNP-Z]{6}");
    }

    @Test
    void errorsTakeFocusAndEachLinkLeadsToItsField() {
        Page page = window(360, 740);
        page.navigate("/contact");

        send(page);

        page.waitForLoadState();
        assertThat(focused(page)).containsEntry("id", "error-summary");
        assertThat(page.locator("#name")).hasAccessibleName("Your name (required)");
        assertThat(page.locator("#name")).hasAccessibleDescription("Error: Enter your name");
        assertThat(page.locator("#phone"))
                .hasAccessibleDescription(
                        "Include the area code, for example (555) 010-0100. Error: Enter your phone number");
        assertThat(page.locator("#contactMethod-PHONE"))
                .hasAccessibleDescription("Error: Choose how we should contact you");
        assertThat(page.locator("#consent"))
                .hasAccessibleDescription("Error: Tick the box to agree that we may contact you");

        for (String field : List.of("name", "email", "phone", "contactMethod-PHONE", "reason-MIGRAINE", "consent")) {
            page.locator("#error-summary a[href='#" + field + "']").click();
            assertThat(focused(page)).as("the link to %s", field).containsEntry("id", field);
        }
    }

    @Test
    void withoutJavaScriptEveryPageReadsAndTheInquiryIsSent() {
        Page page = window(360, 740, false);
        content.current().publishedPages().forEach(published -> {
            page.navigate(published.url());
            assertThat(page.locator("h1")).isVisible();
            if (published.meta().layout() != PageLayout.LANDING) {
                assertThat(page.locator("h1")).hasText(published.title());
            }
            assertThat(page.locator("main")).not().isEmpty();
        });

        page.navigate("/contact");
        fillInquiry(page, "Noor Noscript");
        send(page);

        page.waitForURL("**/contact/thanks?**");
        assertThat(page.locator(".reference")).hasText(java.util.regex.Pattern.compile("TCH-[2-9A-HJKMNP-Z]{6}"));
    }
}
