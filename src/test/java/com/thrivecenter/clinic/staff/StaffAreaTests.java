package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.ADMIN;
import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static com.thrivecenter.clinic.staff.StaffFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.Reason;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import com.thrivecenter.clinic.staff.inbox.RetentionJob;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.admin-email=" + StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password=first-admin-password"
        })
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class StaffAreaTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountService accounts;

    @Autowired
    InquiryService inquiries;

    @Autowired
    RetentionJob retention;

    @BeforeEach
    void freshData() {
        StaffFixture.clear(jdbc);
        accounts.create("test", ADMIN, PASSWORD, Role.ADMIN);
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
    }

    private String inquiry(String name, String message) {
        return TestInquiry.anInquiry()
                .receivedAt(clock.instant())
                .from(name, "pat@example.org")
                .about(Reason.MIGRAINE, message)
                .referredByPhysician(false)
                .submitTo(inquiries);
    }

    private List<String> audit(String action) {
        return jdbc.sql(
                        "SELECT actor || ' ' || COALESCE(target, '-') || ' ' || COALESCE(detail, '-') FROM audit_event WHERE action = :a ORDER BY id")
                .param("a", action)
                .query(String.class)
                .list();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/staff",
                "/staff/",
                "/staff/inquiries/TCH-ABCDEF",
                "/staff/inquiries.csv",
                "/staff/content",
                "/staff/preview/faq",
                "/staff/accounts",
                "/staff/audit",
                "/staff/anything"
            })
    void anonymousVisitorsAreSentToSignIn(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).getMvcResult();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/staff/login");
    }

    @Test
    void anonymousPostsChangeNothing() throws Exception {
        String reference = inquiry("Ann Onymous", "");

        MvcResult result = mvc.perform(
                        post("/staff/inquiries/" + reference + "/status")
                                .param("status", "SPAM")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .getMvcResult();

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/staff/login");
        assertThat(jdbc.sql("SELECT status FROM inquiry").query(String.class).single())
                .isEqualTo("NEW");
    }

    @Test
    void theSignInPageIsPublicAndASignedInPersonSeesTheInbox() throws Exception {
        assertThat(mvc.perform(get("/staff/login")).getMvcResult().getResponse().getStatus())
                .isEqualTo(200);
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        assertThat(staff.page("/staff").select("h1").text()).isEqualTo("Inquiries");
        assertThat(audit("SIGN_IN")).containsExactly(STAFF + " - -");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/staff/accounts", "/staff/audit", "/staff/inquiries.csv"})
    void staffAreRefusedAdminPages(String path) throws Exception {
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        assertThat(staff.get(path).getResponse().getStatus()).isEqualTo(403);
        assertThat(StaffSession.signIn(mvc, ADMIN, PASSWORD)
                        .get(path)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void staffAreRefusedAccountChanges() throws Exception {
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        assertThat(staff.post(
                                "/staff/accounts",
                                "email",
                                "new@clinic.example",
                                "password",
                                "long enough password",
                                "role",
                                "ADMIN")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE email = 'new@clinic.example'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void fiveWrongPasswordsLockAnAccountForFifteenMinutesWithoutSayingWhetherItExists() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(StaffSession.attemptSignIn(mvc, STAFF, "wrong password " + i)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/staff/login?error");
        }

        MvcResult locked = StaffSession.attemptSignIn(mvc, STAFF, PASSWORD);
        MvcResult unknown = StaffSession.attemptSignIn(mvc, "nobody@clinic.example", PASSWORD);

        assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/staff/login?error");
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/staff/login?error");
        Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/staff/login").param("error", ""))
                .getMvcResult()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#error-summary").text())
                .contains("locked for 15 minutes")
                .doesNotContain("exist");
        assertThat(audit("SIGN_IN_FAILED"))
                .containsExactly(
                        STAFF + " - wrong password",
                        STAFF + " - wrong password",
                        STAFF + " - wrong password",
                        STAFF + " - wrong password",
                        STAFF + " - wrong password",
                        STAFF + " - account locked",
                        "unknown account - no such account");

        clock.advance(Duration.ofMinutes(16));
        assertThat(StaffSession.signIn(mvc, STAFF, PASSWORD)).isNotNull();
    }

    @Test
    void aFailedSignInIsAuditedAgainstTheAccountNeverAsTyped() throws Exception {
        StaffSession.attemptSignIn(mvc, "  Staff@Clinic.EXAMPLE ", "wrong password");
        StaffSession.attemptSignIn(mvc, "my secret password 123", PASSWORD);
        StaffSession.attemptSignIn(mvc, "Somebody.Else@clinic.example", PASSWORD);
        accounts.setEnabled("test", STAFF, false);
        StaffSession.attemptSignIn(mvc, STAFF, PASSWORD);

        assertThat(audit("SIGN_IN_FAILED"))
                .containsExactly(
                        STAFF + " - wrong password",
                        "unknown account - no such account",
                        "unknown account - no such account",
                        STAFF + " - account disabled");
        String everything = String.join(
                " ",
                jdbc.sql("SELECT actor || ' ' || COALESCE(detail, '') FROM audit_event")
                        .query(String.class)
                        .list());
        assertThat(everything).doesNotContain("secret", "Somebody", "somebody", "Exception");

        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);
        assertThat(admin.page("/staff/audit").select("tbody td").eachText())
                .contains("unknown account", "account disabled")
                .noneMatch(text -> text.contains("Exception"));
    }

    @Test
    void theInboxListsNewestFirstFiltersSearchesAndPages() throws Exception {
        String older = inquiry("Olive Older", "");
        clock.advance(Duration.ofMinutes(1));
        String newer = inquiry("Nora Newer", "");
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);
        staff.post("/staff/inquiries/" + older + "/status", "status", "CONTACTED");

        Document all = staff.page("/staff");
        assertThat(all.select("tbody tr td:first-child").eachText()).containsExactly(newer, older);
        assertThat(all.select("thead th").eachText())
                .containsExactly("Reference", "Received", "Reason", "Status", "Contact by");
        assertThat(all.select("tbody tr").first().text()).contains("Migraine", "New", "Phone call");
        assertThat(staff.page("/staff?status=CONTACTED")
                        .select("tbody td:first-child")
                        .eachText())
                .containsExactly(older);
        // Names are sealed: a search finds a whole name in any case and spacing, never a part of one.
        assertThat(staff.page("/staff?q=nora").select("tbody tr")).isEmpty();
        assertThat(staff.page("/staff?q= nora  NEWER")
                        .select("tbody td:first-child")
                        .eachText())
                .containsExactly(newer);
        assertThat(staff.page("/staff?q=" + older.toLowerCase())
                        .select("tbody td:first-child")
                        .eachText())
                .containsExactly(older);
        assertThat(staff.page("/staff?q=%25").select("tbody tr")).isEmpty();

        for (int i = 0; i < 26; i++) {
            inquiry("Patient " + i, "");
        }
        Document first = staff.page("/staff");
        assertThat(first.select("tbody tr")).hasSize(25);
        assertThat(first.select(".pager").text()).contains("Page 1 of 2");
        assertThat(staff.page("/staff?page=1").select("tbody tr")).hasSize(3);
    }

    private String inquiryAt(Instant receivedAt, String name, String email, String phone) {
        return TestInquiry.anInquiry()
                .receivedAt(receivedAt)
                .from(name, email)
                .phone(phone)
                .about(Reason.MIGRAINE, "")
                .referredByPhysician(false)
                .submitTo(inquiries);
    }

    private static List<String> references(Document inbox) {
        return inbox.select("tbody td:first-child").eachText();
    }

    @Test
    void theInboxFiltersByTheDaysInquiriesArrivedBothIncludedAndKeepsThemInTheExportLink() throws Exception {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(2);
        LocalDate last = today.minusDays(1);
        String before = inquiryAt(
                first.atStartOfDay(zone).minusSeconds(1).toInstant(), "Bea Before", "b@example.org", "555 010 0001");
        String onFirst = inquiryAt(first.atStartOfDay(zone).toInstant(), "Fay First", "f@example.org", "555 010 0002");
        String onLast = inquiryAt(
                today.atStartOfDay(zone).minusSeconds(1).toInstant(), "Lou Last", "l@example.org", "555 010 0003");
        String after = inquiryAt(today.atStartOfDay(zone).toInstant(), "Al After", "a@example.org", "555 010 0004");
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);
        String days = "from=" + first + "&to=" + last;

        Document page = admin.page("/staff?" + days);

        assertThat(references(page)).containsExactly(onLast, onFirst);
        assertThat(page.select("#from").val()).isEqualTo(first.toString());
        assertThat(page.select("#to").val()).isEqualTo(last.toString());
        assertThat(page.select("a[href^=/staff/inquiries.csv]").attr("href")).contains(days);
        assertThat(references(admin.page("/staff?from=" + today))).containsExactly(after);
        assertThat(references(admin.page("/staff?to=" + today.minusDays(3)))).containsExactly(before);
        assertThat(references(admin.page("/staff?from=" + last + "&to=" + first)))
                .isEmpty();
        assertThat(admin.get("/staff/inquiries.csv?" + days).getResponse().getContentAsString())
                .contains(onFirst, onLast)
                .doesNotContain(before, after);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/staff?from=+10000-01-01", "/staff?to=-0001-12-31", "/staff/inquiries.csv?to=+10000-01-01"})
    void aDayTheInboxCannotHoldIsABadRequest(String path) throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        MvcResult refused = admin.get(path);

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aSearchCombinesWithStatusAndDaysAndCountsOnlyWhatMatches() throws Exception {
        Instant now = clock.instant();
        String older = inquiryAt(now.minus(Duration.ofDays(10)), "Sam Same", "same@example.org", "555 010 0199");
        String newer = inquiryAt(now, "Sam Renamed", "other@example.org", "(555) 010-0199");
        String stranger = inquiryAt(now, "Sam Same", "stranger@example.org", "555 010 0200");
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);
        staff.post("/staff/inquiries/" + older + "/status", "status", "CONTACTED");

        Document byPhone = staff.page("/staff?q=555.010.0199");
        assertThat(references(byPhone)).containsExactly(newer, older);
        assertThat(byPhone.text()).contains("2 inquiries");
        assertThat(references(staff.page("/staff?q=SAME@example.org"))).containsExactly(older);
        assertThat(references(staff.page("/staff?q=sam same"))).containsExactly(stranger, older);
        Document contacted = staff.page("/staff?q=sam same&status=CONTACTED");
        assertThat(references(contacted)).containsExactly(older);
        assertThat(contacted.text()).contains("1 inquiry");
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        assertThat(references(staff.page("/staff?q=555+010+0199&from=" + today)))
                .containsExactly(newer);
        assertThat(references(staff.page("/staff?q=" + stranger.toLowerCase() + "&status=NEW")))
                .containsExactly(stranger);
        assertThat(references(staff.page("/staff?q=" + stranger + "&status=CONTACTED")))
                .isEmpty();
    }

    @Test
    void anInquiryShowsEverythingThePatientSentEscapedAndItsViewIsAudited() throws Exception {
        String reference = inquiry("<script>alert('x')</script> Evil", "Line one\n<img src=x onerror=alert(1)>");
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        Document page = staff.page("/staff/inquiries/" + reference);

        assertThat(page.select("main script, main img")).isEmpty();
        assertThat(page.select(".details").text())
                .contains(
                        "<script>alert('x')</script> Evil",
                        "pat@example.org",
                        "555 010 0142",
                        "Phone call",
                        "Migraine",
                        "<img src=x onerror=alert(1)>",
                        "No");
        assertThat(audit("INQUIRY_VIEWED")).containsExactly(STAFF + " " + reference + " -");
        assertThat(staff.get("/staff/inquiries/TCH-NOPE22").getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void staffChangeTheStatusAndAddNotesWithAuthorAndTime() throws Exception {
        String reference = inquiry("Stella Status", "");
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        assertThat(staff.post("/staff/inquiries/" + reference + "/status", "status", "SCHEDULED")
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        staff.post("/staff/inquiries/" + reference + "/notes", "note", "Called back, <b>booked</b> Tuesday.");
        MvcResult blank = staff.post("/staff/inquiries/" + reference + "/notes", "note", "   ");

        assertThat(jdbc.sql("SELECT status FROM inquiry").query(String.class).single())
                .isEqualTo("SCHEDULED");
        Document page = staff.page("/staff/inquiries/" + reference);
        assertThat(page.select(".details").text()).contains("Scheduled");
        assertThat(page.select(".notes li .message").eachText()).containsExactly("Called back, <b>booked</b> Tuesday.");
        assertThat(page.select(".notes li .note-meta").text()).startsWith(STAFF);
        assertThat(blank.getFlashMap().get("noteError")).isNotNull();
        assertThat(audit("STATUS_CHANGED")).containsExactly(STAFF + " " + reference + " NEW to SCHEDULED");
        assertThat(audit("NOTE_ADDED")).containsExactly(STAFF + " " + reference + " -");
    }

    @Test
    void everyStaffPostNeedsTheCsrfToken() throws Exception {
        String reference = inquiry("Cora Csrf", "");
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        assertThat(admin.postWithoutCsrf("/staff/inquiries/" + reference + "/status", "status", "SPAM")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(admin.postWithoutCsrf("/staff/inquiries/" + reference + "/notes", "note", "forged")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(admin.postWithoutCsrf(
                                "/staff/accounts", "email", "x@clinic.example", "password", "long enough password")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(admin.postWithoutCsrf("/staff/accounts/enabled", "email", STAFF, "enabled", "false")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(admin.postWithoutCsrf(
                                "/staff/accounts/password", "email", STAFF, "password", "another long password")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(admin.postWithoutCsrf("/staff/accounts/role", "email", STAFF, "role", "ADMIN")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(admin.postWithoutCsrf("/staff/logout").getResponse().getStatus())
                .isEqualTo(403);

        assertThat(jdbc.sql("SELECT status FROM inquiry").query(String.class).single())
                .isEqualTo("NEW");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry_note")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_account")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT role FROM staff_account WHERE email = :e")
                        .param("e", STAFF)
                        .query(String.class)
                        .single())
                .isEqualTo("STAFF");
        assertThat(StaffSession.signIn(mvc, STAFF, PASSWORD)).isNotNull();
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        assertThat(staff.post("/staff/logout").getResponse().getRedirectedUrl()).isEqualTo("/staff/login?signed-out");

        assertThat(staff.get("/staff").getResponse().getRedirectedUrl()).endsWith("/staff/login");
        assertThat(audit("SIGN_OUT")).containsExactly(STAFF + " - -");
    }

    @Test
    void adminsAddDisableAndResetAccountsAndEachChangeIsAudited() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        admin.post(
                "/staff/accounts",
                "email",
                "New.Person@Clinic.example",
                "password",
                "a new long password",
                "role",
                "STAFF");
        MvcResult tooShort = admin.post("/staff/accounts", "email", "short@clinic.example", "password", "elevenchars");
        MvcResult duplicate =
                admin.post("/staff/accounts", "email", "new.person@clinic.example", "password", "a new long password");
        assertThat(StaffSession.signIn(mvc, "new.person@clinic.example", "a new long password"))
                .isNotNull();
        assertThat(tooShort.getFlashMap().get("problem")).asString().contains("at least 12 characters");
        assertThat(duplicate.getFlashMap().get("problem")).asString().contains("already an account");

        admin.post("/staff/accounts/enabled", "email", "new.person@clinic.example", "enabled", "false");
        assertThat(StaffSession.attemptSignIn(mvc, "new.person@clinic.example", "a new long password")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/staff/login?error");
        admin.post("/staff/accounts/enabled", "email", "new.person@clinic.example", "enabled", "true");
        admin.post(
                "/staff/accounts/password",
                "email",
                "new.person@clinic.example",
                "password",
                "a replaced long password");
        assertThat(StaffSession.signIn(mvc, "new.person@clinic.example", "a replaced long password"))
                .isNotNull();

        assertThat(jdbc.sql("SELECT password_hash FROM staff_account WHERE email = 'new.person@clinic.example'")
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}$2")
                .doesNotContain("replaced");
        assertThat(audit("ACCOUNT_CREATED")).contains(ADMIN + " new.person@clinic.example role STAFF");
        assertThat(audit("ACCOUNT_DISABLED")).containsExactly(ADMIN + " new.person@clinic.example -");
        assertThat(audit("ACCOUNT_ENABLED")).containsExactly(ADMIN + " new.person@clinic.example -");
        assertThat(audit("PASSWORD_RESET")).containsExactly(ADMIN + " new.person@clinic.example -");
        assertThat(admin.page("/staff/audit").select("tbody td").eachText())
                .contains("ACCOUNT_CREATED", "PASSWORD_RESET");
    }

    @Test
    void adminsChangeAnotherAccountsRoleFromTheAccountsPageButNotTheirOwn() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        Document page = admin.page("/staff/accounts");
        org.jsoup.nodes.Element form = page.select("form[action=/staff/accounts/role]:has(input[value=" + STAFF + "])")
                .first();
        assertThat(form).isNotNull();
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        String select = form.select("select[name=role]").attr("id");
        assertThat(form.select("label[for=" + select + "]").text()).isEqualTo("Role of " + STAFF);
        assertThat(form.select("option[selected]").text()).isEqualTo("Staff");

        MvcResult promoted = admin.post("/staff/accounts/role", "email", STAFF, "role", "ADMIN");
        MvcResult own = admin.post("/staff/accounts/role", "email", ADMIN, "role", "STAFF");
        MvcResult nobody = admin.post("/staff/accounts/role", "email", "nobody@clinic.example", "role", "ADMIN");
        MvcResult unknownRole = admin.post("/staff/accounts/role", "email", STAFF, "role", "OWNER");

        assertThat(promoted.getFlashMap().get("done")).asString().isEqualTo(STAFF + " is now an administrator.");
        assertThat(own.getFlashMap().get("problem")).asString().contains("cannot change your own role");
        assertThat(nobody.getFlashMap().get("problem")).asString().contains("no such account");
        assertThat(unknownRole.getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT email || ' ' || role FROM staff_account WHERE email IN (:a, :s) ORDER BY email")
                        .param("a", ADMIN)
                        .param("s", STAFF)
                        .query(String.class)
                        .list())
                .containsExactly(ADMIN + " ADMIN", STAFF + " ADMIN");
        assertThat(audit("ROLE_CHANGED")).containsExactly(ADMIN + " " + STAFF + " STAFF to ADMIN");
        assertThat(StaffSession.signIn(mvc, STAFF, PASSWORD)
                        .get("/staff/accounts")
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedWithAClearMessageKeepingWhatWasTyped() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);
        String eightyBytes = "é".repeat(40);

        MvcResult create =
                admin.post("/staff/accounts", "email", "long@clinic.example", "password", eightyBytes, "role", "ADMIN");
        MvcResult reset = admin.post("/staff/accounts/password", "email", STAFF, "password", "x".repeat(73));

        assertThat(create.getResponse().getStatus()).isEqualTo(302);
        assertThat(reset.getResponse().getStatus()).isEqualTo(302);
        Document afterCreate = admin.follow(create);
        assertThat(afterCreate.select("#new-password-problem").text()).contains("at most 72 bytes");
        assertThat(afterCreate.select("#new-password").attr("aria-describedby")).contains("new-password-problem");
        assertThat(afterCreate.select("#new-password").attr("aria-invalid")).isEqualTo("true");
        assertThat(afterCreate.select("#new-email").val()).isEqualTo("long@clinic.example");
        assertThat(afterCreate.select("#role-ADMIN").hasAttr("checked")).isTrue();
        assertThat(afterCreate.select("#new-password").val()).isEmpty();
        Document afterReset = admin.follow(reset);
        String field = afterReset
                .select("form:has(input[value=" + STAFF + "]) input[name=password]")
                .attr("aria-describedby");
        assertThat(afterReset.select("#" + field).text()).contains("at most 72 bytes");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE email = 'long@clinic.example'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(StaffSession.signIn(mvc, STAFF, PASSWORD)).isNotNull();

        String seventyTwoBytes = "é".repeat(36);
        admin.post("/staff/accounts", "email", "long@clinic.example", "password", seventyTwoBytes);
        assertThat(StaffSession.signIn(mvc, "long@clinic.example", seventyTwoBytes))
                .isNotNull();
    }

    @Test
    void theExportHoldsTheFilteredInquiriesWithFormulasNeutralised() throws Exception {
        String risky = TestInquiry.anInquiry()
                .receivedAt(clock.instant())
                .from("=HYPERLINK(\"https://evil.example\")", "+cmd@example.org")
                .phone("-1+1")
                .about(Reason.MIGRAINE, "@SUM(A1:A9)")
                .referredByPhysician(false)
                .submitTo(inquiries);
        String other = inquiry("Plain Name", "Ordinary");
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);
        admin.post("/staff/inquiries/" + other + "/status", "status", "CLOSED");

        MvcResult export = admin.get("/staff/inquiries.csv?status=NEW");

        assertThat(export.getResponse().getContentType()).startsWith("text/csv");
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains("attachment");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(export.getResponse().getContentAsString()))
                .getRecords();
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("Reference")).isEqualTo(risky);
        assertThat(row.get("Name")).isEqualTo("'=HYPERLINK(\"https://evil.example\")");
        assertThat(row.get("Message")).isEqualTo("'@SUM(A1:A9)");
        assertThat(row.get("Phone")).isEqualTo("'-1+1");
        assertThat(row.get("Email")).isEqualTo("'+cmd@example.org");
        assertThat(audit("INQUIRIES_EXPORTED")).containsExactly(ADMIN + " - 1 inquiries, status NEW");
    }

    @Test
    void retentionDeletesOnlyInquiriesOlderThanAYearAndAuditsTheCount() {
        String old = inquiry("Old One", "");
        clock.advance(Duration.ofDays(200));
        String recent = inquiry("Recent One", "");
        clock.advance(Duration.ofDays(166));

        retention.deleteExpired();

        assertThat(jdbc.sql("SELECT reference FROM inquiry").query(String.class).list())
                .containsExactly(recent)
                .doesNotContain(old);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(audit("INQUIRIES_DELETED_BY_RETENTION")).containsExactly("system - 1 deleted");
    }

    @Test
    void theFirstAdministratorWasCreatedFromTheSettings() throws Exception {
        assertThat(StaffSession.signIn(mvc, "first.admin@clinic.example", "first-admin-password")
                        .get("/staff/accounts")
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void contentHealthListsPagesReviewsAndErrorsApartFromWarningsWithFileAndLine() throws Exception {
        Document page = StaffSession.signIn(mvc, STAFF, PASSWORD).page("/staff/content");

        assertThat(page.select(".errors li").eachText())
                .containsExactly(
                        "notes/unfinished.md:4 unknown key 'author' (allowed: title, description, nav, draft, publish, expires, aliases, sources, form, layout, credentials, role, photo, photo-alt)");
        assertThat(page.select(".warnings li").eachText())
                .containsExactlyInAnyOrder(
                        "links.md:7 the link to /no-such-page goes to no published page",
                        "links.md:7 the link to /draft goes to no published page",
                        "links.md:9 the image /images/missing.png is not in the content folder's images folder",
                        "links.md:11 'guaranteed' promises a result; say what treatment may do and that results vary"
                                + " from person to person");
        assertThat(page.select("tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).startsWith("/draft Not ready yet Draft"))
                .anySatisfy(row ->
                        assertThat(row).isEqualTo("/migraine/stages The four stages of a migraine Published - - Edit"));
        assertThat(page.select(".not-reviewed li").eachText())
                .as("no clinician approved a fixture page")
                .contains("A page with links", "Questions and answers", "The four stages of a migraine");
        assertThat(page.select(".not-reviewed a").attr("href")).startsWith("/staff/content/review?file=");
    }

    @Test
    void previewShowsDraftsWithABanner() throws Exception {
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        Document draft = staff.page("/staff/preview/draft");

        assertThat(draft.select("h1").text()).isEqualTo("Not ready yet");
        assertThat(draft.select(".preview-banner").text()).startsWith("Preview").contains("not on the live site");
        assertThat(mvc.perform(get("/draft")).getMvcResult().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(staff.get("/staff/preview/no-such-page").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(staff.page("/staff/preview").select("h1").text()).isEqualTo("Relief for migraine");
    }
}
