package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@ExtendWith(OutputCaptureExtension.class)
class InquiryControllerTests {

    private static final String REFERENCE = "TCH-[2-9A-HJKMNP-Z]{6}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    InquiryInbox inbox;

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("DELETE FROM inquiry").update();
    }

    /** Opens the form and lets a person's worth of time pass before it is sent. */
    private ContactForm openForm() throws Exception {
        ContactForm form = ContactForm.open(mvc);
        clock.advance(Duration.ofSeconds(20));
        return form;
    }

    private int inquiries() {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry").query(Integer.class).single();
    }

    private static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    /** The thank-you page, opened without the form's session: the address alone must carry the reference. */
    private Document thanksPage(ContactForm form) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(form.lastRedirect()))).getMvcResult();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void theFormLabelsEveryFieldAndMarksRequiredOnesInText() throws Exception {
        Document page = html(mvc.perform(get("/contact")).getMvcResult());

        assertThat(page.select("h1").text()).isEqualTo("Book a consultation");
        assertThat(page.select(".prose").text()).contains("Tell us a little about yourself");
        for (Element input : page.select("form.inquiry input:not([type=hidden]), form.inquiry textarea")) {
            if (input.parents().hasClass("honeypot")) {
                continue;
            }
            assertThat(page.select("label[for=" + input.id() + "]"))
                    .as("label of %s", input.id())
                    .hasSize(1);
        }
        for (String field : new String[] {"name", "email", "phone"}) {
            assertThat(page.select("label[for=" + field + "]").text()).contains("(required)");
        }
        assertThat(page.select("fieldset legend").eachText())
                .anySatisfy(legend -> assertThat(legend).contains("contact you? (required)"))
                .anySatisfy(legend -> assertThat(legend).contains("help with? (required)"));
        assertThat(page.select("label[for=consent]").text()).contains("(required)");
        assertThat(page.select("label[for=consent] a").attr("href")).isEqualTo("/privacy");
        assertThat(page.select("input[name=contactMethod]").eachAttr("value"))
                .containsExactly("PHONE", "EMAIL", "TEXT");
        assertThat(page.select("input[name=reason]").eachAttr("value"))
                .containsExactly("MIGRAINE", "FIBROMYALGIA", "CRPS", "RESTLESS_LEGS", "MENTAL_HEALTH", "OTHER");
        assertThat(page.select("input[name=preferredTimes]")).hasSize(15);
        assertThat(page.select("input[name=referredByPhysician]").eachAttr("value"))
                .containsExactly("true", "false");
        assertThat(page.select("input[name=_csrf]").val()).isNotBlank();
    }

    @Test
    void aValidInquiryIsStoredWithItsNotificationAndThePatientIsThanked() throws Exception {
        ContactForm form = openForm().filledIn();

        MvcResult result = form.send();

        assertThat(result.getResponse().getStatus()).isEqualTo(303);
        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/contact/thanks?reference=TCH-");
        Map<String, Object> row = jdbc.sql("SELECT * FROM inquiry").query().singleRow();
        assertThat(row)
                .containsEntry("NAME", null)
                .containsEntry("EMAIL", null)
                .containsEntry("PHONE", null)
                .containsEntry("MESSAGE", null)
                .containsEntry("CONTACT_METHOD", "EMAIL")
                .containsEntry("REASON", "MIGRAINE")
                .containsEntry("PREFERRED_TIMES", "monday-morning,thursday-evening")
                .containsEntry("REFERRED_BY_PHYSICIAN", true)
                .containsEntry("STATUS", "NEW");
        assertThat(row.toString()).doesNotContain("Avery", "avery", "010-0142", "Attacks twice");
        assertThat((String) row.get("CLIENT_HASH")).doesNotContain("203.0.113.7");
        String reference = (String) row.get("REFERENCE");
        assertThat(reference).matches(REFERENCE);
        InquiryDetails stored = inbox.find(reference).orElseThrow();
        assertThat(List.of(stored.name(), stored.email(), stored.phone(), stored.message()))
                .containsExactly(
                        "Avery Quinn",
                        "avery.quinn@example.org",
                        "+1 (555) 010-0142",
                        "Attacks twice a week since spring.");
        assertThat(jdbc.sql("SELECT kind FROM notification WHERE sent_at IS NULL")
                        .query(String.class)
                        .list())
                .containsExactly("STAFF");

        Document thanks = thanksPage(form);
        assertThat(thanks.select("h1").text()).isEqualTo("Thank you, your inquiry was sent");
        assertThat(thanks.select(".reference").text()).isEqualTo(reference);
        assertThat(thanks.select("h2").eachText()).contains("What happens next");
    }

    @Test
    void reloadingTheThankYouPageSendsNothingAgain() throws Exception {
        ContactForm form = openForm().filledIn();
        form.send();

        Document first = thanksPage(form);
        Document again = thanksPage(form);

        assertThat(again.select(".reference").text())
                .isEqualTo(first.select(".reference").text());
        assertThat(inquiries()).isEqualTo(1);
    }

    @Test
    void theSameFormSentTwiceIsStoredOnce() throws Exception {
        ContactForm form = openForm().filledIn();

        form.send();
        MvcResult second = form.send();

        assertThat(second.getResponse().getStatus()).isEqualTo(303);
        assertThat(inquiries()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(thanksPage(form).select(".reference").text())
                .isEqualTo(jdbc.sql("SELECT reference FROM inquiry")
                        .query(String.class)
                        .single());
    }

    @Test
    void theThankYouPageWithoutAnInquirySendsThePatientToTheForm() throws Exception {
        MvcResult result = mvc.perform(get("/contact/thanks")).getMvcResult();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/contact");
    }

    @Test
    void theThankYouPageShowsNoReferenceTheSiteDidNotSign() throws Exception {
        ContactForm form = openForm().filledIn();
        form.send();
        String forged = form.lastRedirect().replaceFirst("reference=TCH-\\w+", "reference=TCH-AAAAAA");

        MvcResult result = mvc.perform(get(URI.create(forged))).getMvcResult();

        assertThat(forged).contains("reference=TCH-AAAAAA");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/contact");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("TCH-AAAAAA");
    }

    @Test
    void errorsReShowTheFormWithWhatWasTypedAndLinkedMessages() throws Exception {
        MvcResult result = openForm()
                .filledIn()
                .with("name", "")
                .with("email", "avery@")
                .with("phone", "12345")
                .without("reason")
                .with("message", "Still typed here")
                .without("consent")
                .send();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(inquiries()).isZero();
        Document page = html(result);
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select("#error-summary a"))
                .extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly(
                        "#name Enter your name",
                        "#email Enter an email address like name@example.com",
                        "#phone Enter a phone number with 7 to 15 digits, like (555) 010-0100",
                        "#reason-MIGRAINE Choose what you would like help with",
                        "#consent Tick the box to agree that we may contact you");
        for (String field : new String[] {"name", "email", "phone", "consent"}) {
            Element input = page.getElementById(field);
            assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
            String describedBy = input.attr("aria-describedby");
            assertThat(describedBy).as(field).contains(field + "-error");
            assertThat(page.getElementById(field + "-error").text()).startsWith("Error: ");
        }
        assertThat(page.select("input[name=reason]")).allSatisfy(radio -> {
            assertThat(radio.attr("aria-invalid")).isEqualTo("true");
            assertThat(radio.attr("aria-describedby")).isEqualTo("reason-error");
        });
        assertThat(page.getElementById("email").val()).isEqualTo("avery@");
        assertThat(page.getElementById("phone").val()).isEqualTo("12345");
        assertThat(page.getElementById("message").text()).isEqualTo("Still typed here");
        assertThat(page.getElementById("contactMethod-EMAIL").hasAttr("checked"))
                .isTrue();
        assertThat(page.getElementById("preferredTimes-thursday-evening").hasAttr("checked"))
                .isTrue();
        assertThat(page.getElementById("referredByPhysician-yes").hasAttr("checked"))
                .isTrue();
        assertThat(page.getElementById("name").hasAttr("aria-invalid")).isTrue();
        assertThat(page.getElementById("contactMethod-EMAIL").hasAttr("aria-invalid"))
                .isFalse();
    }

    @Test
    void aTamperedChoiceIsAnErrorNotAFailure() throws Exception {
        MvcResult result = openForm()
                .filledIn()
                .with("contactMethod", "CARRIER_PIGEON")
                .with("preferredTimes", "sunday-night")
                .send();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(html(result).select("#error-summary a"))
                .extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly(
                        "#contactMethod-PHONE Choose one of the options",
                        "#preferredTimes-monday-morning Choose days and times from the list");
        assertThat(inquiries()).isZero();
    }

    @Test
    void preferredTimesBindAsTimesAndAreShownTickedAgain() throws Exception {
        MvcResult result = openForm()
                .filledIn()
                .with("preferredTimes", "tuesday-afternoon", "friday-morning")
                .without("consent")
                .send();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = html(result);
        assertThat(page.select("input[name=preferredTimes][checked]").eachAttr("id"))
                .containsExactly("preferredTimes-tuesday-afternoon", "preferredTimes-friday-morning");
        assertThat(page.select("input[name=preferredTimes][checked]").eachAttr("value"))
                .containsExactly("tuesday-afternoon", "friday-morning");
        assertThat(page.select("label[for=preferredTimes-friday-morning]").text())
                .isEqualTo("Morning");
        assertThat(page.select("fieldset.day legend").eachText())
                .containsExactly("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
    }

    @Test
    void anEmptyPreferredTimeAmongOthersIsAnErrorNotAFailure() throws Exception {
        MvcResult result = openForm()
                .filledIn()
                .with("preferredTimes", "monday-morning", "")
                .send();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(html(result).select("#error-summary a").eachText())
                .containsExactly("Choose days and times from the list");
        assertThat(inquiries()).isZero();
    }

    @Test
    void withoutTheCsrfTokenNothingIsStoredAndTheFormIsShownAgain() throws Exception {
        MvcResult result = openForm().filledIn().without("_csrf").send();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getForwardedUrl()).isEqualTo("/contact/not-accepted");
        assertThat(inquiries()).isZero();
    }

    /** MockMvc does not follow forwards: InquiryPagesIT sees the form shown again, and sent again, over HTTP. */
    @Test
    void aFormWhoseCsrfCookieWasLostIsForwardedToBeShownAgainWithAFreshCookie() throws Exception {
        MvcResult refused = openForm().filledIn().withoutCookies().send();

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getForwardedUrl()).isEqualTo("/contact/not-accepted");
        assertThat(refused.getResponse().getCookie("XSRF-TOKEN").getValue()).isNotBlank();
        assertThat(inquiries()).isZero();
    }

    @Test
    void theFormKeepsNoSessionAndItsCsrfCookieIsHttpOnlyAndSameSite() throws Exception {
        MvcResult opened = mvc.perform(get("/contact")).getMvcResult();

        assertThat(opened.getResponse().getCookie("JSESSIONID"))
                .as("a session cookie")
                .isNull();
        Cookie token = opened.getResponse().getCookie("XSRF-TOKEN");
        assertThat(token.isHttpOnly()).isTrue();
        assertThat(token.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(token.getPath()).isEqualTo("/contact");
        assertThat(token.getSecure()).isFalse();
        assertThat(mvc.perform(get("/contact").secure(true))
                        .getMvcResult()
                        .getResponse()
                        .getCookie("XSRF-TOKEN")
                        .getSecure())
                .isTrue();
        assertThat(openForm().filledIn().send().getResponse().getStatus()).isEqualTo(303);
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessButStoresNothing() throws Exception {
        ContactForm form = openForm().filledIn().with("website", "https://spam.example");

        MvcResult result = form.send();

        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/contact/thanks?");
        assertThat(thanksPage(form).select(".reference").text()).matches(REFERENCE);
        assertThat(inquiries()).isZero();
    }

    @Test
    void aFormSentWithinThreeSecondsIsAskedAgain() throws Exception {
        ContactForm form = ContactForm.open(mvc).filledIn();
        clock.advance(Duration.ofSeconds(2));

        MvcResult result = form.send();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = html(result);
        assertThat(page.select("#error-summary").text())
                .contains("Please check your details, then send the form again");
        assertThat(page.getElementById("name").val()).isEqualTo("Avery Quinn");
        assertThat(inquiries()).isZero();
    }

    @Test
    void aMadeUpFormTokenIsAskedAgain() throws Exception {
        MvcResult result =
                openForm().filledIn().with("formToken", "1.fake.signature").send();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(html(result).select("#error-summary").text()).contains("This form had expired");
        assertThat(inquiries()).isZero();
    }

    @Test
    void aSixthInquiryFromOneAddressWithinTenMinutesIsRefused() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(openForm()
                            .filledIn()
                            .from("198.51.100.20")
                            .send()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(303);
        }

        MvcResult sixth = openForm()
                .filledIn()
                .from("198.51.100.20")
                .with("message", "Kept for later")
                .send();
        MvcResult otherAddress = openForm().filledIn().from("198.51.100.21").send();

        assertThat(sixth.getResponse().getStatus()).isEqualTo(429);
        Document page = html(sixth);
        assertThat(page.select("#error-summary p").text())
                .contains("several inquiries from your connection", "call us on");
        assertThat(page.select("#error-summary a[href^=tel:]")).hasSize(1);
        assertThat(page.getElementById("message").text()).isEqualTo("Kept for later");
        assertThat(otherAddress.getResponse().getStatus()).isEqualTo(303);
        assertThat(inquiries()).isEqualTo(6);

        clock.advance(Duration.ofMinutes(11));
        assertThat(openForm()
                        .filledIn()
                        .from("198.51.100.20")
                        .send()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
    }

    @Test
    void aFormRefusedForTheRateLimitCanBeSentOnceTheWindowHasPassed() throws Exception {
        for (int i = 0; i < 5; i++) {
            openForm().filledIn().from("198.51.100.30").send();
        }
        ContactForm form = openForm().filledIn().from("198.51.100.30");
        Document refused = html(form.send());

        clock.advance(Duration.ofMinutes(11));

        assertThat(form.keepHiddenFields(refused).send().getResponse().getStatus())
                .isEqualTo(303);
    }

    @Test
    void aPhoneNumberTooLongToStoreIsAFieldErrorNotAFailure() throws Exception {
        String padded = "(555) 010-0100" + " ".repeat(30) + "1";

        MvcResult result = openForm().filledIn().with("phone", padded).send();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = html(result);
        assertThat(page.select("#error-summary a").eachText())
                .containsExactly("Enter a phone number of 25 characters or fewer");
        assertThat(page.getElementById("phone").val()).isEqualTo(padded);
        assertThat(inquiries()).isZero();
    }

    @Test
    void nothingThePatientTypedIsLogged(CapturedOutput output) throws Exception {
        ContactForm form = openForm()
                .filledIn()
                .with("name", "Zebulon Quarrington")
                .with("email", "zebulon.q@example.net")
                .with("phone", "+1 (555) 010-0177")
                .with("message", "Unmistakable-symptom-description-42");
        form.send();
        openForm()
                .filledIn()
                .with("name", "Ximena Invalidcase")
                .with("phone", "12")
                .send();

        assertThat(inquiries()).isEqualTo(1);
        assertThat(output.getAll())
                .contains("Stored inquiry TCH-")
                .doesNotContain(
                        "Zebulon",
                        "Quarrington",
                        "zebulon.q@example.net",
                        "010-0177",
                        "0100177",
                        "Unmistakable-symptom-description-42",
                        "Ximena",
                        "Invalidcase");
    }

    @Test
    void aNonFormPostToTheContactPageIsRefusedWithoutStoringAnything() throws Exception {
        MvcResult result = mvc.perform(
                        post("/contact").contentType("application/json").content("{}"))
                .getMvcResult();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(inquiries()).isZero();
    }
}
