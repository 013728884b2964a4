package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff write {{phone}} and the page shows the configured number; a name the site does not know is an error. */
class PageVariablesTests {

    private static final PageVariables VALUES = new PageVariables(Map.of(
            "clinic", "Test Clinic",
            "phone", "+1 (555) 010-0199",
            "tel", "tel:+15550100199",
            "email", "desk@clinic.example",
            "address", "1 Test Road",
            "hours", "Weekdays 8 to 4",
            "prices", "Consultation $200.",
            "drive-after", "the next morning",
            "retention", "90 days"));

    private final PageParser parser =
            new PageParser(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), VALUES);

    private PageParser.Result parse(String body) {
        return parser.parse(new Slug("page"), "page.md", page("Page", "", body), LocalDate.of(2026, 11, 24));
    }

    @Test
    void eachVariableShowsItsConfiguredValue() {
        PageParser.Result result = parse(
                "Call {{phone}} or write to {{ email }}.\n\n{{clinic}}, {{address}}: {{hours}}. Kept {{retention}}."
                        + "\n\n[Call us]({{tel}}). {{prices}} Drive again {{drive-after}}.");

        assertThat(result.problems()).isEmpty();
        assertThat(result.page().orElseThrow().bodyHtml())
                .contains(
                        "Call +1 (555) 010-0199 or write to <a href=\"mailto:desk@clinic.example\">desk@clinic.example</a>.")
                .contains("Test Clinic, 1 Test Road: Weekdays 8 to 4. Kept 90 days.")
                .contains("<a href=\"tel:+15550100199\">Call us</a>. Consultation $200. Drive again the next morning.");
    }

    @Test
    void anUnknownVariableIsAnErrorOnItsLineAndTheLastGoodPageStays() {
        PageParser.Result result = parse("Fine.\n\nFax us on {{fax}}.");

        assertThat(result.page()).isEmpty();
        assertThat(result.problems())
                .extracting(ContentProblem::toString)
                .containsExactly("page.md:7: error: {{fax}} is not a value the site knows; use one of {{clinic}},"
                        + " {{phone}}, {{tel}}, {{email}}, {{address}}, {{hours}}, {{prices}}, {{drive-after}},"
                        + " {{retention}}");
    }

    @Test
    void theSiteGivesEveryNameAValue() {
        assertThatThrownBy(() -> new PageVariables(Map.of("phone", "1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
