package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Pages built from blocks staff write in Markdown: `::: name` … `:::`, each shaped for its job. */
class BlocksTests {

    private final PageParser parser =
            new PageParser(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names());

    private PageParser.Result parse(String frontMatter, String body) {
        return parser.parse(new Slug("page"), "page.md", page("Page", frontMatter, body), LocalDate.of(2026, 11, 25));
    }

    private Document html(PageParser.Result result) {
        assertThat(result.problems()).isEmpty();
        return Jsoup.parseBodyFragment(result.page().orElseThrow().bodyHtml());
    }

    @Test
    void aLandingPagesHeroCarriesTheMainHeadingAndItsLinksBecomeButtons() {
        Document html = html(
                parse(
                        "layout: landing\n",
                        """
                ::: hero
                # Relief from migraine
                Care from a clinician who listens, with an [off-label](/faq) treatment explained.

                [Book a consultation](/contact) [Call us](tel:+15550100100)
                :::

                # A section
                """));

        Element hero = html.selectFirst("div.block.hero");
        assertThat(html.select("h1")).singleElement().extracting(Element::text).isEqualTo("Relief from migraine");
        assertThat(hero.select("h1")).hasSize(1);
        assertThat(html.select("h2").text()).isEqualTo("A section");
        assertThat(hero.select("p.actions a.button").eachAttr("href")).containsExactly("/contact", "tel:+15550100100");
        assertThat(hero.select("p.actions a.secondary").eachText()).containsExactly("Call us");
        assertThat(hero.select("a[href=/faq]").hasClass("button"))
                .as("a link inside a sentence")
                .isFalse();
    }

    @Test
    void onAnArticleAHashHeadingInAHeroIsASectionHeading() {
        Document html = html(parse("", "::: hero\n# Not the title\n:::"));

        assertThat(html.select("h1")).isEmpty();
        assertThat(html.select("div.block.hero h2").text()).isEqualTo("Not the title");
    }

    @Test
    void cardsStepsHighlightsAndCallsToActionKeepTheirMarkdownInsideAClassedBlock() {
        Document html = html(
                parse(
                        "",
                        """
                ::: cards
                ## What we treat
                - [Migraine](/migraine): attacks that keep coming back
                - [Fibromyalgia](/conditions/fibromyalgia): pain all over the body
                :::

                ::: steps
                1. **Consultation.** You talk with a clinician.
                2. **Decision.** The clinician decides with you.
                :::

                ::: highlight
                **Most** patients, the clinic reports.
                :::

                ::: call-to-action
                ## Ready to talk?
                [Book a consultation](/contact)
                :::
                """));

        assertThat(html.select("div.block.cards li a").eachAttr("href"))
                .containsExactly("/migraine", "/conditions/fibromyalgia");
        assertThat(html.select("div.block.steps ol > li")).hasSize(2);
        assertThat(html.select("div.block.highlight strong").text()).isEqualTo("Most");
        assertThat(html.select("div.block.call-to-action p.actions a.button").text())
                .isEqualTo("Book a consultation");
        assertThat(html.select("div.block.cards a.button"))
                .as("cards are not buttons")
                .isEmpty();
    }

    @Test
    void eachQuestionOpensToItsOwnAnswerAndTextAfterTheBlockBelongsToNone() {
        Document html = html(
                parse(
                        "",
                        """
                ::: questions
                ## Is it a cure?

                No.

                ## How long does it take?

                About an hour.

                - Arrive early.
                :::

                [Book a consultation](/contact)
                """));

        assertThat(html.select("div.block.questions > details")).hasSize(2);
        assertThat(html.select("details > summary > h2").eachText())
                .containsExactly("Is it a cure?", "How long does it take?");
        assertThat(html.select("details > summary > h2").eachAttr("id"))
                .containsExactly("is-it-a-cure", "how-long-does-it-take");
        assertThat(html.select("details > div.answer").eachText())
                .containsExactly("No.", "About an hour. Arrive early.");
        assertThat(html.select("details a")).isEmpty();
    }

    @Test
    void aBlockClosesAtItsClosingLineEvenRightAfterAListItem() {
        Document html = html(parse("", "::: cards\n- [One](/one)\n- [Two](/two)\n:::\nAfter the block."));

        assertThat(html.select("div.block.cards li")).hasSize(2);
        assertThat(html.select("div.block.cards").text()).doesNotContain("After");
        assertThat(html.select("body > p").text()).isEqualTo("After the block.");
    }

    @Test
    void mistakesInBlocksAreReportedWithTheirLines() {
        PageParser.Result unknown = parse("", "Intro.\n\n::: sidebar\nText\n:::");
        assertThat(unknown.page()).isEmpty();
        assertThat(unknown.problems())
                .extracting(ContentProblem::toString)
                .containsExactly(
                        "page.md:7: error: '::: sidebar' is not a block the site knows; use one of hero, cards,"
                                + " steps, highlight, questions, call-to-action");

        assertThat(parse("", "::: cards\n- [One](/one)").problems())
                .extracting(ContentProblem::toString)
                .containsExactly(
                        "page.md:5: error: the block '::: cards' opened here needs a ':::' line where it ends");

        assertThat(parse("", "::: cards\n::: steps\n1. One\n:::\n:::").problems())
                .extracting(ContentProblem::toString)
                .contains("page.md:6: error: a block cannot be inside another block; close the first with ':::'"
                        + " before this one");

        assertThat(parse("", "Text.\n\n:::").problems())
                .extracting(ContentProblem::toString)
                .containsExactly("page.md:7: warning: this ':::' closes no block: no '::: name' line opens one above");
    }

    @Test
    void aLandingPageWithoutAHeroHeadingIsNotServed() {
        PageParser.Result result = parse("layout: landing\n", "::: hero\nNo heading here.\n:::");

        assertThat(result.page()).isEmpty();
        assertThat(result.problems())
                .extracting(ContentProblem::toString)
                .containsExactly("page.md:6: error: a landing page needs its main heading in a hero block: a"
                        + " '::: hero' line, a line starting with '# ', then ':::'");
    }

    @Test
    void anUnknownLayoutIsAnErrorOnItsLine() {
        assertThat(parse("layout: magazine\n", "Text.").problems())
                .extracting(ContentProblem::toString)
                .containsExactly(
                        "page.md:4: error: unknown layout 'magazine' (allowed: article, landing, team, clinician, visit)");
    }
}
