package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.FixtureSiteTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@FixtureSiteTest
class PublishedPagesTests {

    @Autowired
    MockMvcTester mvc;

    private Document fetch(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void everyPageHasTheAnatomyOfAnArticle() throws Exception {
        Document page = fetch("/migraine/stages");

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.title()).isEqualTo("The four stages of a migraine · Test Clinic");
        assertThat(page.select("meta[name=description]").attr("content"))
                .isEqualTo("The fixture page about stages, with a review and sources.");
        assertThat(page.select("h1"))
                .singleElement()
                .extracting(Element::text)
                .isEqualTo("The four stages of a migraine");
        assertThat(page.select("article h2[id]").eachAttr("id")).contains("prodrome", "aura");
    }

    @Test
    void theLayoutHasLandmarksASkipLinkAndTheMenu() throws Exception {
        Document page = fetch("/faq");

        Element skip = page.body().selectFirst("a");
        assertThat(skip.text()).isEqualTo("Skip to main content");
        assertThat(page.select(skip.attr("href")))
                .singleElement()
                .extracting(Element::tagName)
                .isEqualTo("main");
        assertThat(page.select("body > header, body > main, body > footer")).hasSize(3);
        assertThat(page.select("header .brand").text()).isEqualTo("Test Clinic");
        assertThat(page.select("header a[href=/contact]").text()).isEqualTo("Book a consultation");

        Element menu = page.selectFirst("nav[aria-label=Main]");
        assertThat(menu.select("a").eachText()).containsExactly("Migraines", "FAQ");
        assertThat(menu.select("a[aria-current=page]"))
                .singleElement()
                .extracting(Element::text)
                .isEqualTo("FAQ");
    }

    @Test
    void aPagesOwnHeadElementsFollowTheLayoutsAndItsContentKeepsItsClass() {
        Document stages = fetch("/migraine/stages");

        assertThat(stages.head().children().subList(0, 7))
                .zipSatisfy(
                        List.of(
                                "meta[charset=utf-8]",
                                "meta[name=viewport]",
                                "meta[name=color-scheme]",
                                "title",
                                "link[rel=stylesheet]",
                                "link[rel=icon]",
                                "meta[name=description]"),
                        (element, expected) -> assertThat(element.is(expected))
                                .as("%s is %s", element, expected)
                                .isTrue());
        assertThat(stages.head().children().last().is("script[type=application/ld+json]"))
                .isTrue();
        assertThat(stages.selectFirst("html").attributes().asList())
                .singleElement()
                .hasToString("lang=\"en\"");
        assertThat(stages.select("main > div").attr("class")).isEmpty();
        assertThat(fetch("/").select("main > div").attr("class")).isEqualTo("landing");
    }

    @Test
    void theFooterShowsTheClinicsSettingsAndTheEmergencyNotice() throws Exception {
        Element footer = fetch("/").selectFirst("body > footer");

        assertThat(footer.select("a[href^=tel:]").attr("href")).isEqualTo("tel:+15550100199");
        assertThat(footer.select("a[href^=tel:]").text()).isEqualTo("+1 (555) 010-0199");
        assertThat(footer.select("a[href=mailto:desk@clinic.example]")).hasSize(1);
        assertThat(footer.text()).contains("1 Test Road, Testville", "Weekdays 8 to 4");
        assertThat(footer.select("a").eachAttr("href")).contains("/privacy", "/medical-disclaimer", "/accessibility");
        assertThat(footer.select(".emergency").text()).contains("911", "severe headache", "stroke", "988");
    }

    @Test
    void nestedPagesShowBreadcrumbsSourcesAndLastUpdate() throws Exception {
        Document page = fetch("/migraine/stages");

        assertThat(page.select("nav[aria-label=Breadcrumb] a").eachText())
                .containsExactly("Home", "Migraines", "The four stages of a migraine");
        assertThat(page.select("nav[aria-label=Breadcrumb] a[aria-current=page]")
                        .attr("href"))
                .isEqualTo("/migraine/stages");
        assertThat(page.select(".review"))
                .as("no clinician approved the fixture pages: only an approval makes the claim (MedicalReviewTests)")
                .isEmpty();
        assertThat(page.select(".sources li").eachText())
                .containsExactly("Mayo Clinic: Migraine", "Reported by the clinic");
        assertThat(page.select(".sources a").attr("href")).startsWith("https://www.mayoclinic.org/");

        LocalDate modified = LocalDate.ofInstant(
                Files.getLastModifiedTime(Path.of("src/test/resources/fixture-content/migraine/stages.md"))
                        .toInstant(),
                ZoneId.systemDefault());
        assertThat(page.select(".updated time").attr("datetime")).isEqualTo(modified.toString());

        assertThat(page.select(".print-url").text())
                .isEqualTo("This page online: https://www.thrive.example/migraine/stages");

        Element card = page.selectFirst(".sidebar .consult-card");
        assertThat(card.select("a[href=/contact]").text()).isEqualTo("Book a consultation");
        assertThat(card.select("a[href=tel:+15550100199]").text()).isEqualTo("Call +1 (555) 010-0199");
    }

    @Test
    void anArticleListsItsSectionsBesideTheTextButNotItsQuestions() {
        assertThat(fetch("/migraine/stages").select(".sidebar nav.toc a").eachAttr("href"))
                .containsExactly("#prodrome", "#aura");

        Document faq = fetch("/faq");
        assertThat(faq.select(".sidebar nav.toc"))
                .as("one question block is no list of sections")
                .isEmpty();
        assertThat(faq.select(".prose details > summary > h2").eachText())
                .containsExactly("Is it a cure?", "Does it take long?");
        assertThat(faq.select(".prose details").attr("open")).isEmpty();
        assertThat(faq.select(".prose > p").last().text()).isEqualTo("Still have a question? Book a consultation.");
    }

    @Test
    void theHomePageIsALandingPageBuiltFromItsBlocks() {
        Document home = fetch("/");

        assertThat(home.select("h1")).singleElement().extracting(Element::text).isEqualTo("Relief for migraine");
        assertThat(home.select(".hero h1")).hasSize(1);
        assertThat(home.select(".hero .actions a.button").eachAttr("href"))
                .containsExactly("/contact", "tel:+15550100199");
        assertThat(home.select(".hero .actions a.button").eachText())
                .containsExactly("Book a consultation", "Call +1 (555) 010-0199");
        assertThat(home.select(".cards li a").eachAttr("href")).containsExactly("/migraine");
        assertThat(home.select(".steps ol > li")).hasSize(2);
        assertThat(home.select(".call-to-action .actions a.button").text()).isEqualTo("Book a consultation");
        assertThat(home.select(".sources li").eachText()).containsExactly("Reported by the clinic");
        assertThat(home.select(".sidebar, .breadcrumb, .review")).isEmpty();
    }

    @Test
    void theHeaderOffersACallAndBookingAndMarksTheSectionOfASubPage() {
        Document stages = fetch("/migraine/stages");
        Element header = stages.selectFirst("body > header");

        assertThat(header.select(".header-actions a[href=tel:+15550100199]").text())
                .isEqualTo("Call +1 (555) 010-0199");
        assertThat(header.select(".header-actions a[href=/contact]").text()).isEqualTo("Book a consultation");
        assertThat(header.select("svg.logo-mark").attr("aria-hidden")).isEqualTo("true");
        for (Element menu : header.select("nav[aria-label=Main]")) {
            assertThat(menu.select("a[aria-current]")).singleElement().satisfies(item -> {
                assertThat(item.text()).isEqualTo("Migraines");
                assertThat(item.attr("aria-current")).isEqualTo("true");
            });
        }
        assertThat(header.select("details.menu > summary").text()).isEqualTo("Menu");
        assertThat(header.select("details.menu nav a").eachText()).containsExactly("Migraines", "FAQ");
        assertThat(fetch("/").select("header nav[aria-label=Main] a[aria-current]"))
                .isEmpty();
    }

    @Test
    void pagesWithoutReviewOrSourcesShowNeither() throws Exception {
        Document page = fetch("/faq");

        assertThat(page.select(".review, .sources")).isEmpty();
        assertThat(page.text()).doesNotContain("Medically reviewed");
        assertThat(page.select("nav[aria-label=Breadcrumb]")).isEmpty();
    }

    @Test
    void folderIndexPagesAnswerAtTheFolderAndATrailingSlashRedirectsPermanentlyKeepingTheQuery() {
        assertThat(fetch("/migraine").select("h1").text()).isEqualTo("What is a migraine?");
        assertThat(fetch("/").select("h1").text()).isEqualTo("Relief for migraine");

        assertThat(mvc.get().uri("/migraine/"))
                .hasStatus(HttpStatus.MOVED_PERMANENTLY)
                .hasRedirectedUrl("/migraine");
        assertThat(mvc.get().uri("/faq/?from=menu"))
                .hasStatus(HttpStatus.MOVED_PERMANENTLY)
                .hasRedirectedUrl("/faq?from=menu");
        assertThat(mvc.get().uri("/contact/"))
                .hasStatus(HttpStatus.MOVED_PERMANENTLY)
                .hasRedirectedUrl("/contact");
    }

    @Test
    void draftsTheStaffGuideAndUnknownPagesAreNotFound() {
        for (String path : new String[] {"/draft", "/readme", "/README", "/README.md", "/faq.md", "/nope"}) {
            assertThat(mvc.get().uri(path)).as(path).hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(fetch("/").select("nav[aria-label=Main] a").eachText()).doesNotContain("Draft");
    }

    @Test
    void theStylesheetIsServedUnderItsFingerprintedNameForAYear() {
        String stylesheet = fetch("/faq").select("link[rel=stylesheet]").attr("href");
        assertThat(stylesheet).matches("/css/site-[0-9a-f]{32}\\.css");

        assertThat(mvc.get().uri(stylesheet))
                .hasStatusOk()
                .hasHeader("Cache-Control", "max-age=31536000, public, immutable");
    }

    @Test
    void pagesShowTheConfiguredValuesOfTheirVariables() {
        assertThat(fetch("/").select(".prose").text())
                .contains("Call us on +1 (555) 010-0199. We keep an inquiry for 90 days.");
    }
}
