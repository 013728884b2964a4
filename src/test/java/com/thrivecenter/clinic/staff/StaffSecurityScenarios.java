package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.ADMIN;
import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static com.thrivecenter.clinic.staff.StaffFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import com.thrivecenter.clinic.site.HttpPages;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What no request may break in the staff area, over real HTTP against the running site; run once per database
 * (H2 and PostgreSQL) by the subclasses.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.admin-email=" + StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password=first-admin-password",
            "clinic.staff.lock-after=5",
            "clinic.staff.lock-for=15m"
        })
@Import({TestClockConfig.class, CountingPasswordEncoder.Config.class})
@ExtendWith(OutputCaptureExtension.class)
abstract class StaffSecurityScenarios {

    private static final String OTHER = "other@clinic.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountService accounts;

    @Autowired
    InquiryService inquiries;

    @Autowired
    CountingPasswordEncoder passwords;

    @BeforeEach
    void freshData() {
        StaffFixture.clear(jdbc);
        accounts.create("test", ADMIN, PASSWORD, Role.ADMIN);
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
        accounts.create("test", OTHER, PASSWORD, Role.STAFF);
        passwords.reset();
    }

    @Test
    void thirtySimultaneousWrongPasswordsAreCheckedAtMostLockAfterTimes() throws Exception {
        List<HttpPages> browsers = new ArrayList<>();
        List<Map<String, List<String>>> forms = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpPages browser = new HttpPages(port);
            Map<String, List<String>> fields = browser.openForm("/staff/login");
            fields.put("email", List.of(STAFF));
            fields.put("password", List.of("wrong password " + i));
            browsers.add(browser);
            forms.add(fields);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpPages browser = browsers.get(i);
            Map<String, List<String>> fields = forms.get(i);
            attempts.add(() -> {
                start.await();
                return browser.postForm("/staff/login", fields);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> sent =
                    attempts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<HttpResponse<String>> response : sent) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/staff/login?error"));
        });
        assertThat(passwords.checks()).isLessThanOrEqualTo(5);

        assertThat(attemptSignIn(new HttpPages(port), STAFF, PASSWORD).headers().firstValue("Location"))
                .as("the right password is refused while the account is locked")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff/login?error"));
        assertThat(passwords.checks()).isLessThanOrEqualTo(5);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(attemptSignIn(new HttpPages(port), STAFF, "one more wrong password")
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff/login?error"));
        assertThat(signIn(STAFF, PASSWORD).get("/staff").statusCode())
                .as("the lock has expired and one wrong password starts a fresh count")
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT failed_attempts FROM staff_account WHERE email = :e")
                        .param("e", STAFF)
                        .query(Integer.class)
                        .single())
                .as("a successful sign-in resets the count")
                .isZero();
    }

    @Test
    void aPasswordLongerThanBcryptAcceptsIsJustAWrongPassword() {
        HttpResponse<String> attempt = attemptSignIn(new HttpPages(port), STAFF, "x".repeat(100));

        assertThat(attempt.statusCode()).isEqualTo(302);
        assertThat(attempt.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff/login?error"));
        assertThat(jdbc.sql("SELECT failed_attempts FROM staff_account WHERE email = :e")
                        .param("e", STAFF)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "role", "password"})
    void anAdministratorsChangeToAnAccountEndsItsOpenSessionsAtOnce(String change) {
        HttpPages staff = signIn(STAFF, PASSWORD);
        HttpPages sameStaffElsewhere = signIn(STAFF, PASSWORD);
        HttpPages other = signIn(OTHER, PASSWORD);
        HttpPages admin = signIn(ADMIN, PASSWORD);
        assertThat(staff.get("/staff").statusCode()).isEqualTo(200);

        HttpResponse<String> done =
                switch (change) {
                    case "disable" -> adminPost(admin, "/staff/accounts/enabled", "email", STAFF, "enabled", "false");
                    case "role" -> adminPost(admin, "/staff/accounts/role", "email", STAFF, "role", "ADMIN");
                    default ->
                        adminPost(
                                admin,
                                "/staff/accounts/password",
                                "email",
                                STAFF,
                                "password",
                                "a brand new long password");
                };

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff/accounts"));
        assertSignedOut(staff);
        assertSignedOut(sameStaffElsewhere);
        assertThat(other.get("/staff").statusCode())
                .as("other accounts keep their sessions")
                .isEqualTo(200);
        assertThat(admin.get("/staff/accounts").statusCode()).isEqualTo(200);
    }

    @Test
    void aRoleChangeTakesEffectAtTheNextSignIn() {
        HttpPages admin = signIn(ADMIN, PASSWORD);

        adminPost(admin, "/staff/accounts/role", "email", STAFF, "role", "ADMIN");

        assertThat(jdbc.sql("SELECT role FROM staff_account WHERE email = :e")
                        .param("e", STAFF)
                        .query(String.class)
                        .single())
                .isEqualTo("ADMIN");
        assertThat(signIn(STAFF, PASSWORD).get("/staff/accounts").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql(
                                "SELECT actor || ' ' || target || ' ' || detail FROM audit_event WHERE action = 'ROLE_CHANGED'")
                        .query(String.class)
                        .list())
                .containsExactly(ADMIN + " " + STAFF + " STAFF to ADMIN");
    }

    @Test
    void pageNumbersBeyondEitherEndShowTheLastOrFirstPage() {
        for (int i = 0; i < 26; i++) {
            TestInquiry.anInquiry()
                    .receivedAt(clock.instant())
                    .from("Patient " + i, "pat@example.org")
                    .submitTo(inquiries);
        }
        HttpPages admin = signIn(ADMIN, PASSWORD);

        HttpResponse<String> far = admin.get("/staff?page=100000000");
        assertThat(far.statusCode()).isEqualTo(200);
        assertThat(HttpPages.html(far).select(".pager").text()).contains("Page 2 of 2");
        assertThat(HttpPages.html(far).select("tbody tr")).hasSize(1);
        assertThat(HttpPages.html(admin.get("/staff?page=2147483647")).select("tbody tr"))
                .hasSize(1);
        assertThat(HttpPages.html(admin.get("/staff?page=-3")).select(".pager").text())
                .contains("Page 1 of 2");

        HttpResponse<String> audit = admin.get("/staff/audit?page=2147483647");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(HttpPages.html(audit).select("tbody tr")).isNotEmpty();
        assertThat(HttpPages.html(admin.get("/staff/audit?page=-2147483648")).select("tbody tr"))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/staff?page=Rosa+Secretpatient",
                "/staff?status=Rosa+Secretpatient",
                "/staff?from=Rosa+Secretpatient",
                "/staff/audit?page=Rosa+Secretpatient",
                "/staff/inquiries.csv?status=Rosa+Secretpatient"
            })
    void aParameterThatDoesNotConvertGetsTheSites400PageAndIsLoggedWithoutItsValue(String path, CapturedOutput log) {
        HttpPages admin = signIn(ADMIN, PASSWORD);

        HttpResponse<String> refused = admin.get(path);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = HttpPages.html(refused);
        assertThat(page.select("h1").text()).isEqualTo("That request was not accepted");
        assertThat(page.text()).doesNotContain("Secretpatient").doesNotContain("Exception");
        assertThat(log.getAll()).doesNotContain("Secretpatient").contains("could not be read");
    }

    private void assertSignedOut(HttpPages browser) {
        HttpResponse<String> next = browser.get("/staff");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff/login"));
        assertThat(browser.get("/staff").statusCode())
                .as("and stays signed out")
                .isEqualTo(302);
    }

    private HttpResponse<String> adminPost(HttpPages admin, String path, String... nameValuePairs) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(
                "_csrf",
                List.of(HttpPages.html(admin.get("/staff/accounts"))
                        .select("input[name=_csrf]")
                        .first()
                        .val()));
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            fields.put(nameValuePairs[i], List.of(nameValuePairs[i + 1]));
        }
        return admin.postForm(path, fields);
    }

    private HttpPages signIn(String email, String password) {
        HttpPages browser = new HttpPages(port);
        HttpResponse<String> signedIn = attemptSignIn(browser, email, password);
        assertThat(signedIn.headers().firstValue("Location"))
                .as("signed in as " + email)
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff"));
        return browser;
    }

    private static HttpResponse<String> attemptSignIn(HttpPages browser, String email, String password) {
        Map<String, List<String>> fields = browser.openForm("/staff/login");
        fields.put("email", List.of(email));
        fields.put("password", List.of(password));
        return browser.postForm("/staff/login", fields);
    }
}
