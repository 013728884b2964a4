package com.thrivecenter.clinic.staff.factor;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.thrivecenter.clinic.FreePorts;
import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.site.HttpPages;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The second factor by email over real HTTP: password, a code in the mailbox (GreenMail), the code, the staff area;
 * run once per database (H2 and PostgreSQL) by the subclasses.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.mfa=required",
            "clinic.base-url=http://clinic.example"
        })
@Import(TestClockConfig.class)
abstract class EmailCodeScenarios {

    private static final String STAFF = "code.staff@clinic.example";
    private static final String ADMIN = "code.admin@clinic.example";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CODE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int SMTP_PORT = FreePorts.any();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    private GreenMail smtp;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void freshAccountsAndMailbox() {
        jdbc.sql("DELETE FROM one_time_tokens").update();
        jdbc.sql("DELETE FROM audit_event").update();
        jdbc.sql("DELETE FROM staff_account WHERE email IN (:emails)")
                .param("emails", List.of(STAFF, ADMIN))
                .update();
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
        accounts.create("test", ADMIN, PASSWORD, Role.ADMIN);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopMailbox() {
        smtp.stop();
    }

    @Test
    void passwordThenTheMailedCodeOpensTheStaffArea() {
        HttpPages browser = signInWithPassword(STAFF);

        HttpResponse<String> inbox = browser.get("/staff");
        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location")).hasValue("/staff/second-factor");

        HttpResponse<String> sent = sendCode(browser);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValue("/staff/second-factor?sent");
        Document sentPage = HttpPages.html(browser.get("/staff/second-factor?sent"));
        assertThat(sentPage.select("[role=status]").text()).contains("We have emailed you a code");

        MimeMessage mail = onlyMailTo(STAFF);
        String body = GreenMailUtil.getBody(mail);
        String code = codeIn(body);
        assertThat(body).contains("http://clinic.example/staff/second-factor?code=" + code);
        assertThat(body).contains("for 5 minutes");

        HttpResponse<String> entered = enterCode(browser, code);
        assertThat(entered.statusCode()).isEqualTo(302);
        assertThat(entered.headers().firstValue("Location")).hasValue("/staff?continue");

        HttpResponse<String> staffArea = browser.get("/staff");
        assertThat(staffArea.statusCode()).isEqualTo(200);
        Document page = HttpPages.html(staffArea);
        assertThat(page.select(".staff-bar strong").text()).isEqualTo(STAFF);
        assertThat(page.select(".second-factor-off")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = :actor AND action = 'SIGN_IN'")
                        .param("actor", STAFF)
                        .query(Integer.class)
                        .single())
                .as("the password and the code")
                .isEqualTo(2);
    }

    @Test
    void theLinkInTheMailFillsInTheCode() {
        HttpPages browser = signInWithPassword(STAFF);
        sendCode(browser);
        String code = codeIn(GreenMailUtil.getBody(onlyMailTo(STAFF)));

        Document page = HttpPages.html(browser.get("/staff/second-factor?code=" + code));

        assertThat(page.select("input#token").val()).isEqualTo(code);
        assertThat(page.select("label[for=token]").text()).isEqualTo("Code from the email");
    }

    @Test
    void theCodeReturnsToTheStaffPageThatAskedForTheFactor() {
        HttpPages browser = signInWithPassword(ADMIN);
        assertThat(browser.get("/staff/audit").headers().firstValue("Location")).hasValue("/staff/second-factor");
        sendCode(browser);

        HttpResponse<String> entered = enterCode(browser, codeIn(GreenMailUtil.getBody(onlyMailTo(ADMIN))));

        assertThat(entered.headers().firstValue("Location")).hasValue("/staff/audit?continue");
        assertThat(browser.get("/staff/audit").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/staff",
                "/staff/content",
                "/staff/images",
                "/staff/accounts",
                "/staff/audit",
                "/staff/inquiries.csv",
                "/staff/no-such-page"
            })
    void withThePasswordAloneEveryStaffAddressLeadsToTheSecondFactor(String path) {
        HttpPages browser = signInWithPassword(ADMIN);

        HttpResponse<String> response = browser.get(path);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/staff/second-factor");
    }

    @Test
    void aWrongCodeIsRefusedWithTheSitesOwnPage() {
        HttpPages browser = signInWithPassword(STAFF);
        sendCode(browser);
        onlyMailTo(STAFF);

        HttpResponse<String> refused = enterCode(browser, "00000000-0000-0000-0000-000000000000");

        assertRefused(refused);
        assertThat(browser.get("/staff").headers().firstValue("Location")).hasValue("/staff/second-factor");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE actor = :actor AND action = 'SECOND_FACTOR_REFUSED'")
                        .param("actor", STAFF)
                        .query(String.class)
                        .list())
                .containsExactly("email code");
    }

    @Test
    void anExpiredCodeIsRefused() {
        HttpPages browser = signInWithPassword(STAFF);
        sendCode(browser);
        String code = codeIn(GreenMailUtil.getBody(onlyMailTo(STAFF)));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertRefused(enterCode(browser, code));
        assertThat(browser.get("/staff").headers().firstValue("Location")).hasValue("/staff/second-factor");
    }

    @Test
    void aCodeWorksOnlyOnce() {
        HttpPages browser = signInWithPassword(STAFF);
        sendCode(browser);
        String code = codeIn(GreenMailUtil.getBody(onlyMailTo(STAFF)));
        enterCode(browser, code);
        browser.postForm("/staff/logout", browser.openForm("/staff"));

        HttpPages again = signInWithPassword(STAFF);

        assertRefused(enterCode(again, code));
    }

    @Test
    void nobodyCanAskForACodeWithoutThePassword() {
        HttpPages stranger = new HttpPages(port);
        Map<String, List<String>> fields = stranger.openForm("/staff/login");
        fields.put("username", List.of(STAFF));

        HttpResponse<String> response = stranger.postForm("/staff/second-factor/send", fields);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/staff/login");
        assertThat(stranger.get("/staff/second-factor").headers().firstValue("Location"))
                .hasValue("/staff/login");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM one_time_tokens")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private void assertRefused(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = HttpPages.html(refused);
        assertThat(page.select("h1").text()).isEqualTo("Confirm it is you");
        assertThat(page.select("#error-summary h2").text()).isEqualTo("That code did not work");
        assertThat(page.select("body > header, body > footer")).hasSize(2);
        assertThat(refused.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("whitelabel");
    }

    private HttpPages signInWithPassword(String email) {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = browser.openForm("/staff/login");
        fields.put("email", List.of(email));
        fields.put("password", List.of(PASSWORD));
        HttpResponse<String> signedIn = browser.postForm("/staff/login", fields);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/staff");
        return browser;
    }

    private static HttpResponse<String> sendCode(HttpPages browser) {
        return browser.postForm("/staff/second-factor/send", browser.openForm("/staff/second-factor"));
    }

    private static HttpResponse<String> enterCode(HttpPages browser, String code) {
        Map<String, List<String>> fields = browser.openForm("/staff/second-factor");
        fields.put("token", List.of(code));
        return browser.postForm("/staff/second-factor/code", fields);
    }

    private MimeMessage onlyMailTo(String email) {
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("a code arrived").isTrue();
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(email);
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String codeIn(String body) {
        Matcher code = CODE.matcher(body);
        assertThat(code.find()).as("a code in the mail").isTrue();
        return code.group();
    }
}
