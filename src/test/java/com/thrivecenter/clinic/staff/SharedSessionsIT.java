package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.SiteInstance;
import com.thrivecenter.clinic.site.HttpPages;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Two instances of the site (A and B) on one PostgreSQL, as behind a load balancer: a staff session started on one
 * works on the other and outlives a restart; signing out and the lockout hold on both; a session that cannot be
 * read back signs its visitor out. The patient's form and thank-you page need no session on any of them.
 */
class SharedSessionsIT {

    static final Map<String, String> SETTINGS = Map.of(
            "clinic.content.dir", "src/test/resources/fixture-content",
            "clinic.staff.admin-email", StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password", "first-admin-password",
            "clinic.staff.lock-after", "3",
            "clinic.inquiries.min-fill-time", "0s");

    private static EmbeddedPostgres database;
    private static SiteInstance a;
    private static SiteInstance b;

    @BeforeAll
    static void startTwoInstances() {
        database = EmbeddedPostgresServer.start();
        a = SiteInstance.start(database, SETTINGS);
        b = SiteInstance.start(database, SETTINGS);
    }

    @AfterAll
    static void stop() throws IOException {
        a.close();
        b.close();
        database.close();
    }

    @Test
    void aSessionStartedOnAWorksOnBAndAFormOfAIsAcceptedByB() {
        String admin = account("shared.admin@clinic.example", Role.ADMIN);
        HttpPages onA = signIn(a.browser(), admin, PASSWORD);
        HttpPages onB = onA.sameBrowserOn(b.port());

        HttpResponse<String> inbox = onB.get("/staff");
        assertThat(HttpPages.html(inbox).select("h1").text()).isEqualTo("Inquiries");
        assertThat(List.of(a.browser().get("/staff/login"), inbox))
                .as("the session id travels in its cookie only, never in an address on the page")
                .allSatisfy(page -> assertThat(page.body()).doesNotContainIgnoringCase("jsessionid"));
        String token = csrfToken(onA, "/staff/accounts");
        HttpResponse<String> renamed = onB.postForm(
                "/staff/accounts/name",
                Map.of("_csrf", List.of(token), "email", List.of(admin), "displayName", List.of("Dr. Shared")));

        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(renamed.headers().firstValue("Location")).hasValue("/staff/accounts");
        assertThat(jdbc().sql("SELECT display_name FROM staff_account WHERE email = :email")
                        .param("email", admin)
                        .query(String.class)
                        .single())
                .isEqualTo("Dr. Shared");
        assertThat(HttpPages.html(onA.get("/staff/accounts")).text())
                .as("the message B left in the session, shown by A")
                .contains(admin + " is now named Dr. Shared on pages.");
    }

    @Test
    void aSessionOutlivesTheRestartOfTheInstanceThatStartedIt() {
        HttpPages browser = signIn(a.browser(), account("restart@clinic.example", Role.STAFF), PASSWORD);

        a.close();
        a = SiteInstance.start(database, SETTINGS);

        assertThat(browser.sameBrowserOn(a.port()).get("/staff").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutOnBEndsTheSessionOnA() {
        HttpPages onA = signIn(a.browser(), account("sign.out@clinic.example", Role.STAFF), PASSWORD);
        HttpPages onB = onA.sameBrowserOn(b.port());
        String sessionCookie = onA.cookieHeader();

        HttpResponse<String> signedOut =
                onB.postForm("/staff/logout", Map.of("_csrf", List.of(csrfToken(onB, "/staff"))));

        assertThat(signedOut.headers().firstValue("Location")).hasValue("/staff/login?signed-out");
        assertSentToSignIn(a.browser()
                .send(a.browser()
                        .request("/staff")
                        .header("Cookie", sessionCookie)
                        .build()));
    }

    @Test
    void wrongPasswordsOnAAndBCountTowardsOneLockout() {
        String email = account("locked@clinic.example", Role.STAFF);

        assertThat(attemptSignIn(a.browser(), email, "wrong one")).endsWith("/staff/login?error");
        assertThat(attemptSignIn(b.browser(), email, "wrong two")).endsWith("/staff/login?error");
        assertThat(attemptSignIn(a.browser(), email, "wrong three")).endsWith("/staff/login?error");

        assertThat(attemptSignIn(b.browser(), email, PASSWORD))
                .as("locked after three wrong passwords, wherever they were typed")
                .endsWith("/staff/login?error");
        assertThat(attemptSignIn(a.browser(), email, PASSWORD)).endsWith("/staff/login?error");
        assertThat(jdbc().sql("SELECT failed_attempts FROM staff_account WHERE email = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aSessionThatCannotBeReadBackSignsItsVisitorOutWithoutAnError() {
        String email = account("older.version@clinic.example", Role.STAFF);
        HttpPages onA = signIn(a.browser(), email, PASSWORD);
        int damaged = jdbc().sql(
                        """
                        UPDATE spring_session_attributes SET attribute_bytes = :bytes
                        WHERE attribute_name = 'SPRING_SECURITY_CONTEXT' AND session_primary_id =
                            (SELECT primary_id FROM spring_session WHERE principal_name = :email)
                        """)
                .param("bytes", "written by an older version".getBytes(StandardCharsets.UTF_8))
                .param("email", email)
                .update();
        assertThat(damaged).isEqualTo(1);

        HttpPages onB = onA.sameBrowserOn(b.port());
        assertSentToSignIn(onB.get("/staff"));
        assertThat(attemptSignIn(onB, email, PASSWORD))
                .as("signing in again, back to the page that asked")
                .isEqualTo("/staff?continue");
        assertThat(onB.get("/staff").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "YQBi", // Base64 of "a", NUL, "b": PostgreSQL text cannot hold NUL
                "a%00b",
                "%%%not-base64",
                "MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw", // longer than an id
                "w4k=", // "É": a valid length, not an id
            })
    void aForgedSessionCookieIsNoSessionAtAll(String value) {
        HttpPages browser = a.browser();

        HttpResponse<String> staff = browser.send(browser.request("/staff")
                .header("Cookie", "JSESSIONID=" + value)
                .build());
        HttpResponse<String> signIn = browser.send(browser.request("/staff/login")
                .header("Cookie", "JSESSIONID=" + value)
                .build());

        assertSentToSignIn(staff);
        assertThat(signIn.statusCode()).isEqualTo(200);
    }

    @Test
    void theContactFormAndItsThankYouPageWorkOnWhicheverInstanceAnswers() {
        for (List<SiteInstance> pair : List.of(List.of(a, b), List.of(b, a))) {
            HttpPages first = pair.get(0).browser();
            HttpPages second = first.sameBrowserOn(pair.get(1).port());
            Map<String, List<String>> form = first.openForm("/contact");

            HttpResponse<String> sent = second.postForm("/contact", HttpPages.validInquiry(form));

            assertThat(sent.statusCode())
                    .as("a form of one instance sent to the other")
                    .isEqualTo(303);
            String thanks = sent.headers().firstValue("Location").orElseThrow();
            String reference = UriComponentsBuilder.fromUri(URI.create(thanks))
                    .build()
                    .getQueryParams()
                    .getFirst("reference");
            HttpResponse<String> shown = first.get(thanks);
            assertThat(shown.statusCode()).as("its thank-you page on the first").isEqualTo(200);
            assertThat(HttpPages.html(shown).select(".reference").text()).isEqualTo(reference);
            assertThat(List.of(sent, shown))
                    .allSatisfy(response -> assertThat(response.headers().allValues("Set-Cookie"))
                            .as("no session")
                            .noneMatch(cookie -> cookie.startsWith("JSESSIONID")));
        }
    }

    static String account(String email, Role role) {
        a.bean(AccountService.class).create("test", email, PASSWORD, role);
        return email;
    }

    static HttpPages signIn(HttpPages browser, String email, String password) {
        assertThat(attemptSignIn(browser, email, password))
                .as("signed in as " + email)
                .isEqualTo("/staff");
        return browser;
    }

    /** Where the sign-in form sent the browser. */
    static String attemptSignIn(HttpPages browser, String email, String password) {
        Map<String, List<String>> fields = browser.openForm("/staff/login");
        fields.put("email", List.of(email));
        fields.put("password", List.of(password));
        return browser.postForm("/staff/login", fields)
                .headers()
                .firstValue("Location")
                .orElseThrow();
    }

    static String csrfToken(HttpPages browser, String page) {
        return HttpPages.html(browser.get(page))
                .select("input[name=_csrf]")
                .first()
                .val();
    }

    static void assertSentToSignIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/staff/login");
    }

    private static JdbcClient jdbc() {
        return a.bean(JdbcClient.class);
    }
}
