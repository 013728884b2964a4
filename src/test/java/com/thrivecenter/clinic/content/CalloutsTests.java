package com.thrivecenter.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Notes, tips, warnings and emergencies written in Markdown as a marked quote. */
class CalloutsTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new HtmlSanitizer());

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(
                renderer.render(markdown, 1, PageLayout.ARTICLE).html());
    }

    @Test
    void aMarkedQuoteBecomesABoxWithItsLabel() {
        Document html = render("> [!WARNING]\n> Do not drive for 24 hours after an infusion.");

        assertThat(html.select("blockquote")).isEmpty();
        assertThat(html.select("div.callout.warning .callout-title").text()).isEqualTo("Warning");
        assertThat(html.select("div.callout.warning").text())
                .isEqualTo("Warning Do not drive for 24 hours after an infusion.");
    }

    @Test
    void everyKindHasItsOwnLabelAndTheMarkerMayShareTheLine() {
        Document html = render("> [!tip] Drink water the day before.\n\n> [!NOTE]\n> A note.\n\n"
                + "> [!EMERGENCY]\n> Call 911 for a sudden, severe headache.");

        assertThat(html.select(".callout .callout-title").eachText()).containsExactly("Tip", "Note", "Emergency");
        assertThat(html.select(".callout.tip").text()).isEqualTo("Tip Drink water the day before.");
    }

    @Test
    void anOrdinaryOrUnknownQuoteStaysAQuote() {
        Document html = render("> A patient said: it helped.\n\n> [!SHOUT] Loud.");

        assertThat(html.select("blockquote")).hasSize(2);
        assertThat(html.select(".callout")).isEmpty();
    }
}
