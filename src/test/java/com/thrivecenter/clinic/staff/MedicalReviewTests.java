package com.thrivecenter.clinic.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.thrivecenter.clinic.FreePorts;
import com.thrivecenter.clinic.HttpsProxyRequests;
import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.TemporaryContent;
import com.thrivecenter.clinic.content.history.Author;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.Reason;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import com.thrivecenter.clinic.staff.content.ReviewReminder;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinician signs off a page: the page then says who reviewed it and when, until its body changes; staff see what
 * awaits review and what falls due, and clinicians get a weekly mail listing those pages.
 */
@SpringBootTest(
        properties = {
            "clinic.staff.admin-email=" + StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password=first-admin-password",
            "clinic.content.history=true",
            "clinic.content.time-zone=America/Chicago",
            "clinic.base-url=https://www.thrive.example/",
            "clinic.inquiries.mail-from=website@clinic.example"
        })
@AutoConfigureMockMvc
@Import({TestClockConfig.class, HttpsProxyRequests.class})
class MedicalReviewTests {

    private static final String CLINICIAN = "dr.lee@clinic.example";
    /** How pages name the clinician: never their email. */
    private static final String CLINICIAN_NAME = "Dr. Ana Lee, MD";

    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Chicago");
    private static final Path CONTENT = TemporaryContent.create("review-content");
    private static final int SMTP_PORT = FreePorts.any();
    /** Every test writes pages of its own names, so an approval recorded by another test never covers them. */
    private static final AtomicInteger PAGES = new AtomicInteger();

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountService accounts;

    @Autowired
    ContentHistory history;

    @Autowired
    ContentRepository content;

    @Autowired
    ReviewReminder reminder;

    @Autowired
    InquiryService inquiries;

    private GreenMail smtp;

    @DynamicPropertySource
    static void contentFolderAndMail(DynamicPropertyRegistry registry) {
        registry.add("clinic.content.dir", CONTENT::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void removeContentFolder() {
        TemporaryContent.delete(CONTENT);
    }

    @BeforeEach
    void noPagesAndTheAccounts() throws IOException {
        TemporaryContent.deletePagesKeepingHistory(CONTENT);
        history.recordOutsideChanges(new Author("Test", ""));
        content.reload();
        StaffFixture.clear(jdbc);
        accounts.create("test", CLINICIAN, StaffFixture.PASSWORD, Role.CLINICIAN);
        accounts.setDisplayName("test", CLINICIAN, CLINICIAN_NAME);
        accounts.create("test", StaffFixture.STAFF, StaffFixture.PASSWORD, Role.STAFF);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aClinicianApprovesAPageWhichThenSaysWhoReviewedItAndWhen() throws Exception {
        String file = page("Migraine stages", "A day or two before.", "## Prodrome\n\nA day or two before.");
        StaffSession clinician = StaffSession.signIn(mvc, CLINICIAN, StaffFixture.PASSWORD);

        Document review = clinician.page("/staff/content/review?file=" + file);
        assertThat(review.select(".approval-state").text()).startsWith("No clinician has approved this page yet");
        assertThat(review.select("table.diff tbody tr").eachAttr("class"))
                .as("never approved: the whole text is new to the clinician")
                .isNotEmpty()
                .containsOnly("added");
        MvcResult approved = approve(clinician, review);

        assertThat(clinician
                        .follow(approved)
                        .select(".notice:not(.second-factor-off)")
                        .text())
                .startsWith("Approved.");
        Document page = publicPage(file);
        String today = LocalDate.now(clock.withZone(CLINIC_ZONE))
                .format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
        assertThat(page.select(".review").text()).isEqualTo("Medically reviewed by " + CLINICIAN_NAME + " on " + today);
        Map<String, Object> data = medicalWebPage(page);
        assertThat(data)
                .containsEntry(
                        "lastReviewed",
                        LocalDate.now(clock.withZone(CLINIC_ZONE)).toString())
                .containsEntry("reviewedBy", Map.of("@type", "Person", "name", CLINICIAN_NAME));
        assertThat(audit()).containsExactly(CLINICIAN + " PAGE_APPROVED " + file);
        assertThat(history.versions(file).get(0).message()).isEqualTo("Medically reviewed by " + CLINICIAN_NAME);
        assertThat(page.text()).doesNotContain(CLINICIAN);
    }

    @Test
    void aChangeToTheBodyRemovesTheClaimAndListsThePageAsAwaitingReviewWithWhatChanged() throws Exception {
        String file = page("Aura", "Before the headache.", "## Aura\n\nFlashes of light.");
        StaffSession clinician = StaffSession.signIn(mvc, CLINICIAN, StaffFixture.PASSWORD);
        approve(clinician, clinician.page("/staff/content/review?file=" + file));

        save(file, "Aura", "What some people see before the headache.", "## Aura\n\nFlashes of light.");
        assertThat(publicPage(file).select(".review").text())
                .as("a new description is no change to the reviewed text")
                .startsWith("Medically reviewed by " + CLINICIAN_NAME);

        save(file, "Aura", "What some people see before the headache.", "## Aura\n\nFlashes of light, or zigzags.");
        Document page = publicPage(file);
        assertThat(page.select(".review")).isEmpty();
        assertThat(medicalWebPage(page)).doesNotContainKeys("lastReviewed", "reviewedBy");

        StaffSession staff = StaffSession.signIn(mvc, StaffFixture.STAFF, StaffFixture.PASSWORD);
        Document health = staff.page("/staff/content");
        assertThat(health.select(".awaiting-review li").eachText()).containsExactly("Aura: what changed");
        Document review = staff.page(health.select(".awaiting-review a").attr("href"));
        assertThat(review.select(".approval-state").text()).contains("The page changed since");
        assertThat(review.select("table.diff tr.removed code").eachText())
                .containsExactly("description: Before the headache.", "Flashes of light.");
        assertThat(review.select("table.diff tr.added code").eachText())
                .containsExactly(
                        "description: What some people see before the headache.", "Flashes of light, or zigzags.");
    }

    @Test
    void staffWhoAreNotCliniciansCannotApprove() throws Exception {
        String file = page("Safety", "How we keep you safe.", "We watch you throughout.");
        String version = history.lastChange(file).orElseThrow().id();
        StaffSession staff = StaffSession.signIn(mvc, StaffFixture.STAFF, StaffFixture.PASSWORD);

        Document review = staff.page("/staff/content/review?file=" + file);
        MvcResult refused = staff.post("/staff/content/review", "file", file, "version", version);

        assertThat(review.select("form[action=/staff/content/review]")).isEmpty();
        assertThat(review.text()).contains("Only a clinician can approve a page.");
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(history.lastApproval(file)).isEmpty();
        assertThat(publicPage(file).select(".review")).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void aClinicianWithoutANameForPagesCannotApproveUntilAnAdministratorSetsOne() throws Exception {
        String file = page("Visits", "Your first visit.", "A consultation comes first.");
        accounts.setDisplayName("test", CLINICIAN, "");
        StaffSession clinician = StaffSession.signIn(mvc, CLINICIAN, StaffFixture.PASSWORD);

        MvcResult refused = approve(clinician, clinician.page("/staff/content/review?file=" + file));

        assertThat(clinician
                        .follow(refused)
                        .select(".notice.problem:not(.second-factor-off)")
                        .text())
                .startsWith("Not approved yet: pages name the clinician who approved them");
        assertThat(history.lastApproval(file)).isEmpty();

        accounts.create("test", StaffFixture.ADMIN, StaffFixture.PASSWORD, Role.ADMIN);
        StaffSession admin = StaffSession.signIn(mvc, StaffFixture.ADMIN, StaffFixture.PASSWORD);
        admin.post("/staff/accounts/name", "email", CLINICIAN, "displayName", " Dr. Ana Lee, MD ");
        assertThat(jdbc.sql("SELECT actor || ' ' || target || ' ' || detail FROM audit_event"
                                + " WHERE action = 'DISPLAY_NAME_CHANGED' AND actor = :admin")
                        .param("admin", StaffFixture.ADMIN)
                        .query(String.class)
                        .list())
                .containsExactly(StaffFixture.ADMIN + " " + CLINICIAN + " " + CLINICIAN_NAME);

        approve(clinician, clinician.page("/staff/content/review?file=" + file));
        assertThat(publicPage(file).select(".review").text()).startsWith("Medically reviewed by " + CLINICIAN_NAME);
    }

    @Test
    void anApprovalOfTextThatChangedWhileTheClinicianReadItIsRefused() throws Exception {
        String file = page("Cost", "What it costs.", "Each infusion is priced alike.");
        StaffSession clinician = StaffSession.signIn(mvc, CLINICIAN, StaffFixture.PASSWORD);
        Document review = clinician.page("/staff/content/review?file=" + file);

        save(file, "Cost", "What it costs.", "Each infusion is priced alike; ask about packages.");
        MvcResult refused = approve(clinician, review);

        assertThat(clinician
                        .follow(refused)
                        .select(".notice.problem:not(.second-factor-off)")
                        .text())
                .startsWith("Not approved: the page changed while you were reading it.");
        assertThat(history.lastApproval(file)).isEmpty();
        assertThat(publicPage(file).select(".review")).isEmpty();
    }

    @Test
    void anApprovalOlderThanTheReviewPeriodIsListedAsFallingDue() throws Exception {
        String file = page("Fibromyalgia", "Widespread pain.", "Pain in many places at once.");
        StaffSession clinician = StaffSession.signIn(mvc, CLINICIAN, StaffFixture.PASSWORD);
        approve(clinician, clinician.page("/staff/content/review?file=" + file));
        String approvedOn = LocalDate.now(clock.withZone(CLINIC_ZONE))
                .format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));

        assertThat(clinician.page("/staff/content").select(".falling-due li")).isEmpty();
        clock.advance(Duration.ofDays(370));

        assertThat(clinician.page("/staff/content").select(".falling-due li").eachText())
                .containsExactly("Fibromyalgia: last reviewed " + approvedOn);
        assertThat(publicPage(file).select(".review").text())
                .as("the review still stands on the page until it is renewed or the text changes")
                .isEqualTo("Medically reviewed by " + CLINICIAN_NAME + " on " + approvedOn);
    }

    @Test
    void theWeeklyReminderMailsEachClinicianThePagesWaitingAndNothingAboutPatients() throws Exception {
        String changed = page("Restless legs", "An urge to move.", "The urge comes at night.");
        StaffSession clinician = StaffSession.signIn(mvc, CLINICIAN, StaffFixture.PASSWORD);
        approve(clinician, clinician.page("/staff/content/review?file=" + changed));
        save(changed, "Restless legs", "An urge to move.", "The urge comes in the evening.");
        String never = page("What to expect", "Your first visit.", "You rest in a quiet room.");
        TestInquiry.anInquiry()
                .receivedAt(clock.instant())
                .from("Quentin Patientname", "quentin.patient@example.org")
                .about(Reason.MIGRAINE, "My private migraine history")
                .referredByPhysician(false)
                .submitTo(inquiries);

        reminder.remind();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly(CLINICIAN);
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body)
                .contains(
                        "- Restless legs: https://www.thrive.example/" + changed.replace(".md", ""),
                        "- What to expect: https://www.thrive.example/" + never.replace(".md", ""),
                        "https://www.thrive.example/staff/content")
                .doesNotContain("Quentin", "Patientname", "quentin.patient", "migraine history");

        approve(clinician, clinician.page("/staff/content/review?file=" + changed));
        approve(clinician, clinician.page("/staff/content/review?file=" + never));
        // A week later: the lock that kept other instances from sending the same reminder has long run out.
        jdbc.sql("DELETE FROM shedlock").update();
        reminder.remind();
        assertThat(smtp.getReceivedMessages()).as("nothing waits: no mail").hasSize(1);
    }

    /** A new page of its own name, saved as a version; returns its file. */
    private String page(String title, String description, String body) {
        String file = "page-" + PAGES.incrementAndGet() + ".md";
        save(file, title, description, body);
        return file;
    }

    private void save(String file, String title, String description, String body) {
        history.save(
                file,
                "---\ntitle: " + title + "\ndescription: " + description + "\n---\n" + body + "\n",
                new Author("Editor", "editor@clinic.example"),
                "Edited");
    }

    /** Presses Approve on a review page as it was shown. */
    private static MvcResult approve(StaffSession clinician, Document review) throws Exception {
        return clinician.post(
                "/staff/content/review",
                "file",
                review.select("form[action=/staff/content/review] input[name=file]")
                        .val(),
                "version",
                review.select("form[action=/staff/content/review] input[name=version]")
                        .val());
    }

    private Document publicPage(String file) throws Exception {
        MvcResult result = mvc.perform(get("/" + file.replace(".md", ""))).getMvcResult();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> medicalWebPage(Document page) {
        return page.select("script[type=application/ld+json]").stream()
                .map(script -> (Map<String, Object>) json.readValue(script.data(), Map.class))
                .filter(data -> "MedicalWebPage".equals(data.get("@type")))
                .findFirst()
                .orElseThrow();
    }

    private List<String> audit() {
        return jdbc.sql(
                        "SELECT actor || ' ' || action || ' ' || target FROM audit_event WHERE action = 'PAGE_APPROVED' ORDER BY id")
                .query(String.class)
                .list();
    }
}
