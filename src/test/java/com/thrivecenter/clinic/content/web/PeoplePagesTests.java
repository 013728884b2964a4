package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.FixtureSiteTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** The page types for people and places: "Our team", a clinician's profile and "Visit us", on the fixture content. */
@FixtureSiteTest
class PeoplePagesTests {

    @Autowired
    MockMvcTester mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    private Document fetch(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> block(Document page, String type) {
        return page.select("script[type=application/ld+json]").stream()
                .map(script -> (Map<String, Object>) json.readValue(script.data(), Map.class))
                .filter(data -> type.equals(data.get("@type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type));
    }

    @Test
    void theTeamPageShowsItsTextThenACardForEachPublishedClinicianInItsFolderByName() {
        Document page = fetch("/team");

        assertThat(page.select("h1").text()).isEqualTo("Our team");
        Element prose = page.selectFirst("article .prose");
        assertThat(prose.text()).isEqualTo("Meet the fixture clinicians.");
        assertThat(prose.nextElementSibling()).isEqualTo(page.selectFirst("ul.team-list"));

        List<Element> cards = page.select(".team-list > li.team-card");
        assertThat(cards)
                .extracting(card -> card.select("h2 a").text())
                .containsExactly("Alpha Fixture, RN", "Dr. Test Clinician");
        assertThat(cards)
                .extracting(card -> card.select("h2 a").attr("href"))
                .containsExactly("/team/alpha-fixture", "/team/test-clinician");

        Element withPhoto = cards.get(1);
        Element photo = withPhoto.selectFirst("img");
        assertThat(photo.attr("src")).isEqualTo("/images/test-clinician.png");
        assertThat(photo.attr("alt")).isEqualTo("Portrait of the fixture clinician");
        assertThat(photo.attr("loading")).isEqualTo("lazy");
        assertThat(photo.attr("width")).isEqualTo(photo.attr("height")).isNotEmpty();
        assertThat(withPhoto.select(".clinician-role").text()).isEqualTo("Fixture medical director");
        assertThat(withPhoto.select(".clinician-credentials").text()).isEqualTo("MD, fixture board");

        Element withoutPhoto = cards.get(0);
        assertThat(withoutPhoto.select("img")).isEmpty();
        assertThat(withoutPhoto.select(".clinician-role").text()).isEqualTo("Fixture infusion nurse");
        assertThat(withoutPhoto.select(".clinician-credentials").text()).isEqualTo("RN");

        assertThat(page.select(".team-list").text()).doesNotContain("Draft Fixture Clinician", "Joining");
    }

    @Test
    void aPageThatIsNotATeamPageListsNoOne() {
        assertThat(fetch("/team/joining").select(".team-list, .team-card")).isEmpty();
        assertThat(fetch("/faq").select(".team-list, .clinician-header, .visit-card"))
                .isEmpty();
    }

    @Test
    void aClinicianProfileShowsPhotoRoleAndCredentialsAboveTheBioAndDescribesThePerson() {
        Document page = fetch("/team/test-clinician");

        assertThat(page.select("h1").text()).isEqualTo("Dr. Test Clinician");
        Element header = page.selectFirst("article .clinician-header");
        assertThat(header.nextElementSibling()).isEqualTo(page.selectFirst("article .prose"));
        Element photo = header.selectFirst("img");
        assertThat(photo.attr("src")).isEqualTo("/images/test-clinician.png");
        assertThat(photo.attr("alt")).isEqualTo("Portrait of the fixture clinician");
        assertThat(header.select(".clinician-role").text()).isEqualTo("Fixture medical director");
        assertThat(header.select(".clinician-credentials").text()).isEqualTo("MD, fixture board");
        assertThat(page.select("article .prose").text())
                .isEqualTo("Dr. Test Clinician is an invented person for the tests.");

        Map<String, Object> webPage = block(page, "MedicalWebPage");
        assertThat(webPage.get("about"))
                .isEqualTo(Map.of(
                        "@type", "Person",
                        "name", "Dr. Test Clinician",
                        "url", "https://www.thrive.example/team/test-clinician",
                        "jobTitle", "Fixture medical director",
                        "hasCredential",
                                Map.of("@type", "EducationalOccupationalCredential", "name", "MD, fixture board"),
                        "image", "https://www.thrive.example/images/test-clinician.png",
                        "worksFor",
                                Map.of(
                                        "@type",
                                        "MedicalClinic",
                                        "name",
                                        "Test Clinic",
                                        "url",
                                        "https://www.thrive.example/")));
    }

    @Test
    void aDraftProfileIsNotServed() {
        assertThat(mvc.get().uri("/team/draft-clinician")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theVisitPageShowsTheClinicsSettingsThenTheNotesAndTheMapWithoutAnyScriptOrFrame() {
        Document page = fetch("/visit");

        Element card = page.selectFirst("article .visit-card");
        assertThat(card.nextElementSibling()).isEqualTo(page.selectFirst("article .prose"));
        assertThat(card.select("dt").eachText()).containsExactly("Address", "Opening hours", "Phone");
        assertThat(card.select("dd").eachText())
                .containsExactly("1 Test Road, Testville", "Weekdays 8 to 4", "+1 (555) 010-0199");
        assertThat(card.select("a").attr("href")).isEqualTo("tel:+15550100199");

        Element prose = page.selectFirst("article .prose");
        assertThat(prose.select("h2").text()).isEqualTo("Parking");
        Element map = prose.selectFirst("img");
        assertThat(map.attr("src")).isEqualTo("/images/test-map.png");
        assertThat(map.attr("alt")).isEqualTo("Map of the streets around the fixture clinic");

        assertThat(page.select("iframe, object, embed")).isEmpty();
        assertThat(page.select("script"))
                .allSatisfy(script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));

        Map<String, Object> clinic = block(page, "MedicalClinic");
        assertThat(clinic)
                .containsEntry("name", "Test Clinic")
                .containsEntry("telephone", "+1 (555) 010-0199")
                .containsEntry("openingHours", "Mo-Fr 08:00-16:00");
        assertThat(block(page, "MedicalWebPage")).containsEntry("name", "Visit us");
    }

    @Test
    void thePhotosAndTheMapAreServed() {
        assertThat(mvc.get().uri("/images/test-clinician.png")).hasStatusOk();
        assertThat(mvc.get().uri("/images/test-map.png")).hasStatusOk();
    }
}
