package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.thrivecenter.clinic.FixtureSiteTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

@FixtureSiteTest
class SearchEnginesTests {

    @Autowired
    MockMvcTester mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    private MvcResult fetch(String path) throws Exception {
        return mvc.perform(get(path)).getMvcResult();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(fetch(path).getResponse().getContentAsString());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> structuredData(String path) throws Exception {
        return page(path).select("script[type=application/ld+json]").stream()
                .map(script -> (Map<String, Object>) json.readValue(script.data(), Map.class))
                .toList();
    }

    private Map<String, Object> block(String path, String type) throws Exception {
        return structuredData(path).stream()
                .filter(data -> type.equals(data.get("@type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " on " + path));
    }

    /**
     * A page is the same bytes on every start and every instance, so its ETag is too: the keys of every object in its
     * JSON-LD come in one order (the JVM orders a {@code Map.of} differently on each start).
     */
    @Test
    void theStructuredDataNamesItsKeysInAFixedOrder() throws Exception {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (String path : List.of("/", "/faq", "/migraine/stages", "/team")) {
            blocks.addAll(structuredData(path));
        }

        assertThat(blocks).hasSizeGreaterThan(4);
        blocks.forEach(SearchEnginesTests::assertKeysInOrder);
    }

    private static void assertKeysInOrder(Object node) {
        if (node instanceof Map<?, ?> object) {
            List<String> keys = object.keySet().stream().map(String::valueOf).toList();
            assertThat(keys).as(object.toString()).isSorted();
            object.values().forEach(SearchEnginesTests::assertKeysInOrder);
        } else if (node instanceof List<?> list) {
            list.forEach(SearchEnginesTests::assertKeysInOrder);
        }
    }

    @Test
    void theSitemapListsEveryPublishedPageWithAbsoluteUrlsAndDates() throws Exception {
        MvcResult result = fetch("/sitemap.xml");

        assertThat(result.getResponse().getContentType()).startsWith("application/xml");
        Document sitemap = Jsoup.parse(result.getResponse().getContentAsString(), Parser.xmlParser());
        assertThat(sitemap.select("urlset > url > loc").eachText())
                .containsExactlyInAnyOrder(
                        "https://www.thrive.example/",
                        "https://www.thrive.example/contact",
                        "https://www.thrive.example/faq",
                        "https://www.thrive.example/links",
                        "https://www.thrive.example/migraine",
                        "https://www.thrive.example/migraine/stages",
                        "https://www.thrive.example/team",
                        "https://www.thrive.example/team/alpha-fixture",
                        "https://www.thrive.example/team/joining",
                        "https://www.thrive.example/team/test-clinician",
                        "https://www.thrive.example/visit");
        assertThat(sitemap.select("urlset > url > lastmod").eachText())
                .allMatch(date -> date.matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(sitemap.text()).doesNotContain("draft", "staff", "thanks");
    }

    @Test
    void robotsNamesTheSitemapAndKeepsOutOfTheStaffArea() throws Exception {
        String robots = fetch("/robots.txt").getResponse().getContentAsString();

        assertThat(robots.lines())
                .contains("User-agent: *", "Disallow: /staff", "Sitemap: https://www.thrive.example/sitemap.xml");
    }

    @Test
    void everyPublicPageHasCanonicalOpenGraphAndTwitterTags() throws Exception {
        for (String path : List.of("/", "/faq", "/migraine/stages", "/contact")) {
            Document page = page(path);
            String url = "https://www.thrive.example" + path;
            assertThat(page.select("link[rel=canonical]").attr("href")).as(path).isEqualTo(url);
            assertThat(page.select("meta[property=og:url]").attr("content"))
                    .as(path)
                    .isEqualTo(url);
            assertThat(page.select("meta[property=og:title]").attr("content"))
                    .as(path)
                    .isNotBlank();
            assertThat(page.select("meta[property=og:description]").attr("content"))
                    .as(path)
                    .isEqualTo(page.select("meta[name=description]").attr("content"));
            assertThat(page.select("meta[property=og:site_name]").attr("content"))
                    .isEqualTo("Test Clinic");
            assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
            assertThat(page.select("meta[name=twitter:title]").attr("content"))
                    .as(path)
                    .isNotBlank();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHomePageDescribesTheClinic() throws Exception {
        Map<String, Object> clinic = block("/", "MedicalClinic");

        assertThat(clinic)
                .containsEntry("@context", "https://schema.org")
                .containsEntry("name", "Test Clinic")
                .containsEntry("telephone", "+1 (555) 010-0199")
                .containsEntry("openingHours", "Mo-Fr 08:00-16:00")
                .containsEntry("url", "https://www.thrive.example/");
        assertThat((Map<String, Object>) clinic.get("address"))
                .containsEntry("@type", "PostalAddress")
                .containsEntry("streetAddress", "1 Test Road, Testville");
    }

    @Test
    void articlesAreMedicalWebPagesReviewedOnlyOnceAClinicianApprovesThem() throws Exception {
        Map<String, Object> article = block("/migraine/stages", "MedicalWebPage");

        assertThat(article)
                .containsEntry("name", "The four stages of a migraine")
                .containsEntry("url", "https://www.thrive.example/migraine/stages")
                .doesNotContainKeys("lastReviewed", "reviewedBy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFaqIsAnFaqPageOfItsQuestionsBlockWithoutTheTextAfterIt() throws Exception {
        List<Map<String, Object>> questions =
                (List<Map<String, Object>>) block("/faq", "FAQPage").get("mainEntity");

        assertThat(questions)
                .extracting(question -> question.get("name"))
                .containsExactly("Is it a cure?", "Does it take long?");
        assertThat(questions).allSatisfy(question -> assertThat(question).containsEntry("@type", "Question"));
        assertThat(questions)
                .extracting(question -> (Map<String, Object>) question.get("acceptedAnswer"))
                .containsExactly(
                        Map.of("@type", "Answer", "text", "No."), Map.of("@type", "Answer", "text", "About an hour."));
        assertThat(structuredData("/migraine/stages")).noneMatch(data -> "FAQPage".equals(data.get("@type")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestedPagesHaveABreadcrumbList() throws Exception {
        List<Map<String, Object>> items = (List<Map<String, Object>>)
                block("/migraine/stages", "BreadcrumbList").get("itemListElement");

        assertThat(items)
                .extracting(item -> item.get("position") + " " + item.get("name") + " " + item.get("item"))
                .containsExactly(
                        "1 Home https://www.thrive.example/",
                        "2 Migraines https://www.thrive.example/migraine",
                        "3 The four stages of a migraine https://www.thrive.example/migraine/stages");
        assertThat(structuredData("/faq")).noneMatch(data -> "BreadcrumbList".equals(data.get("@type")));
    }
}
