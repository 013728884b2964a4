package com.thrivecenter.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new HtmlSanitizer());

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(
                renderer.render(markdown, 1, PageLayout.ARTICLE).html());
    }

    @Test
    void headingsGetStableAnchors() {
        Document html = render("## Stage 2: Aura\n\nText\n\n### What you may feel?\n");

        assertThat(html.select("h2").attr("id")).isEqualTo("stage-2-aura");
        assertThat(html.select("h3").attr("id")).isEqualTo("what-you-may-feel");
    }

    @Test
    void aSingleHashHeadingBecomesASectionHeadingSoThePageKeepsOneH1() {
        Document html = render("# Not the title\n\nText");

        assertThat(html.select("h1")).isEmpty();
        assertThat(html.select("h2").text()).isEqualTo("Not the title");
        assertThat(html.select("h2").attr("id")).isEqualTo("not-the-title");
    }

    @Test
    void rendersListsTablesLinksAndEmphasis() {
        Document html = render(
                """
                Read about [the stages](/migraine/stages#aura) or visit https://www.mayoclinic.org.

                - **bold** and *soft* and ~~old~~

                ---

                | Stage | Lasts |
                | --- | --- |
                | Aura | 20–60 minutes |
                """);

        assertThat(html.select("a[href=/migraine/stages#aura]").text()).isEqualTo("the stages");
        assertThat(html.select("a[href=https://www.mayoclinic.org]")).hasSize(1);
        assertThat(html.select("li strong").text()).isEqualTo("bold");
        assertThat(html.select("li em").text()).isEqualTo("soft");
        assertThat(html.select("li del").text()).isEqualTo("old");
        assertThat(html.select("hr")).hasSize(1);
        assertThat(html.select("table td").eachText()).containsExactly("Aura", "20–60 minutes");
    }

    @Test
    void scriptsAreRemoved() {
        Document html = render("Hello\n\n<script>alert('x')</script>\n\n<p>after</p>");

        assertThat(html.select("script")).isEmpty();
        assertThat(html.html()).doesNotContain("alert");
        assertThat(html.text()).contains("Hello").contains("after");
    }

    @Test
    void eventHandlersAreRemoved() {
        Document html =
                render("<img src=\"/images/a.png\" alt=\"A\" onerror=\"alert(1)\"> <p onclick=\"alert(2)\">Hi</p>");

        Element image = html.selectFirst("img");
        assertThat(image).isNotNull();
        assertThat(image.attr("src")).isEqualTo("/images/a.png");
        assertThat(html.select("[onerror], [onclick]")).isEmpty();
    }

    @Test
    void javascriptLinksAreRemoved() {
        Document html = render("[click](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">two</a> "
                + "<a href=\"jav&#x09;ascript:alert(3)\">three</a>");

        assertThat(html.select("a[href]")).isEmpty();
        assertThat(html.html()).doesNotContainIgnoringCase("javascript");
    }

    @Test
    void framesStylesAndFormsAreRemoved() {
        Document html = render("<iframe src=\"https://evil.example\"></iframe><style>body{}</style>"
                + "<form action=\"https://evil.example\"><input name=\"q\"></form><p style=\"color:red\">x</p>");

        assertThat(html.select("iframe, style, form, input, [style]")).isEmpty();
    }

    @Test
    void linksAndImagesAreListedWithTheirFileLines() {
        MarkdownRenderer.Rendered rendered = renderer.render(
                "Intro\n\nSee [stages](/migraine/stages#aura).\n\n![A photo](/images/a.jpg)", 7, PageLayout.ARTICLE);

        assertThat(rendered.links())
                .containsExactly(
                        new PageLink("/migraine/stages#aura", 9, false), new PageLink("/images/a.jpg", 11, true));
        assertThat(rendered.links().get(0).path()).isEqualTo("/migraine/stages");
    }

    @Test
    void safeLinksStay() {
        Document html = render("[call](tel:+15550100100) [mail](mailto:info@example.com) [top](#aura)");

        assertThat(html.select("a").eachAttr("href"))
                .containsExactly("tel:+15550100100", "mailto:info@example.com", "#aura");
    }
}
