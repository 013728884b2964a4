package com.thrivecenter.clinic.staff.factor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.thrivecenter.clinic.browser.BrowserTestSupport;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passkeys as the second factor in Chromium, with a virtual authenticator (Chrome DevTools' WebAuthn domain) and the
 * first sign-in's code from a real mailbox (GreenMail): add a passkey, sign in with password and passkey, and an
 * administrator's reset that removes it. The site runs on a known port, as its base URL is the passkeys' origin.
 * Run once per database (H2 and PostgreSQL) by the subclasses.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.DEFINED_PORT,
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.mfa=required",
            "clinic.staff.admin-email=" + PasskeyScenarios.ADMIN,
            "clinic.staff.admin-password=" + PasskeyScenarios.PASSWORD
        })
abstract class PasskeyScenarios extends BrowserTestSupport {

    static final String ADMIN = "passkey.admin@clinic.example";
    static final String STAFF = "passkey.staff@clinic.example";
    static final String PASSWORD = "correct horse battery";
    private static final Pattern CODE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int SITE_PORT = freePort();
    private static final int SMTP_PORT = freePort();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    private GreenMail smtp;

    @DynamicPropertySource
    static void siteAndMailbox(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> SITE_PORT);
        registry.add("clinic.base-url", () -> "http://localhost:" + SITE_PORT);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void freshAccountAndMailbox() {
        jdbc.sql("DELETE FROM user_credentials").update();
        jdbc.sql("DELETE FROM user_entities").update();
        jdbc.sql("DELETE FROM one_time_tokens").update();
        jdbc.sql("DELETE FROM staff_account WHERE email = :email")
                .param("email", STAFF)
                .update();
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopMailbox() {
        smtp.stop();
    }

    @Test
    void aPasskeyAddedOnTheAccountPageIsTheSecondFactorUntilAnAdministratorResetsIt() {
        Page staff = windowWithAuthenticator();
        signIn(staff, STAFF, PASSWORD);
        assertThat(staff).hasURL(site("/staff/second-factor"));
        assertThat(staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")))
                .hasCount(0);
        enterMailedCode(staff, STAFF);

        staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your account"))
                .click();
        assertThat(staff.locator("h1")).hasText("Your account");
        staff.getByLabel("Name of the passkey").fill("Work laptop");
        staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey"))
                .click();
        staff.waitForURL("**/staff/account?added");
        assertThat(staff.locator("table")).containsText("Work laptop");
        assertThat(passkeyRows()).as("the passkey in the database").isEqualTo(1);

        signOut(staff);
        signIn(staff, STAFF, PASSWORD);
        staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey"))
                .click();
        // The inbox, where the sign-in began.
        staff.waitForURL(url -> url.startsWith(site("/staff?")));
        assertThat(staff.locator(".staff-bar strong")).hasText(STAFF);
        assertThat(smtp.getReceivedMessages())
                .as("no code was mailed for the passkey sign-in")
                .hasSize(1);
        assertThat(jdbc.sql("SELECT last_used FROM user_credentials")
                        .query(Object.class)
                        .single())
                .isNotNull();

        Page admin = window(1366, 900);
        signIn(admin, ADMIN, PASSWORD);
        enterMailedCode(admin, ADMIN);
        admin.navigate("/staff/accounts");
        assertThat(admin.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset the second factors of " + ADMIN)))
                .hasCount(0);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset the second factors of " + STAFF))
                .click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Second factors reset for " + STAFF);
        assertThat(passkeyRows()).as("no passkey left").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_entities")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT actor, target, detail FROM audit_event WHERE action = 'STAFF_FACTORS_RESET'")
                        .query((row, number) ->
                                List.of(row.getString("actor"), row.getString("target"), row.getString("detail")))
                        .list())
                .containsExactly(List.of(ADMIN, STAFF, "1 passkey removed"));

        // The reset ended the open session; the passkey on the device no longer signs in.
        staff.navigate("/staff");
        staff.waitForURL("**/staff/login");
        signIn(staff, STAFF, PASSWORD);
        assertThat(staff).hasURL(site("/staff/second-factor"));
        assertThat(staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")))
                .hasCount(0);
        enterMailedCode(staff, STAFF);
        assertThat(staff.locator(".staff-bar strong")).hasText(STAFF);
    }

    @Test
    void aPasskeyCanBeRemovedByItsOwner() {
        Page staff = windowWithAuthenticator();
        signIn(staff, STAFF, PASSWORD);
        enterMailedCode(staff, STAFF);
        staff.navigate("/staff/account");
        staff.getByLabel("Name of the passkey").fill("Old phone");
        staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey"))
                .click();
        staff.waitForURL("**/staff/account?added");

        staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove the passkey Old phone"))
                .click();
        assertThat(staff.getByRole(AriaRole.STATUS).first()).containsText("Passkey removed.");
        assertThat(staff.locator("table")).hasCount(0);
        assertThat(passkeyRows()).isZero();
    }

    /** A fresh window whose browser has a platform passkey authenticator that always verifies its user. */
    private Page windowWithAuthenticator() {
        Page page = window(1366, 900);
        CDPSession devTools = page.context().newCDPSession(page);
        devTools.send("WebAuthn.enable");
        JsonObject authenticator = new JsonObject();
        authenticator.addProperty("protocol", "ctap2");
        authenticator.addProperty("transport", "internal");
        authenticator.addProperty("hasResidentKey", true);
        authenticator.addProperty("hasUserVerification", true);
        authenticator.addProperty("isUserVerified", true);
        JsonObject options = new JsonObject();
        options.add("options", authenticator);
        devTools.send("WebAuthn.addVirtualAuthenticator", options);
        return page;
    }

    private void enterMailedCode(Page page, String email) {
        int before = smtp.getReceivedMessages().length;
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a code"))
                .click();
        page.waitForURL("**/staff/second-factor?sent");
        assertThat(smtp.waitForIncomingEmail(10_000, before + 1))
                .as("a code arrived")
                .isTrue();
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(email);
        Matcher code = CODE.matcher(GreenMailUtil.getBody(received[received.length - 1]));
        assertThat(code.find()).as("a code in the mail").isTrue();
        page.getByLabel("Code from the email").fill(code.group());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                .click();
        page.waitForURL(url -> url.contains("/staff") && !url.contains("/staff/second-factor"));
    }

    private static void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL("**/staff/login?signed-out");
    }

    private int passkeyRows() {
        return jdbc.sql("SELECT COUNT(*) FROM user_credentials")
                .query(Integer.class)
                .single();
    }

    private static String site(String path) {
        return "http://localhost:" + SITE_PORT + path;
    }

    /**
     * A port that is free now and stays free until the site binds it, perhaps minutes later (the port is fixed for
     * the passkeys' origin before the context starts): below Linux's range of ports for outgoing connections
     * (32768 and up), which the other tests' many connections would otherwise take meanwhile.
     */
    private static int freePort() {
        while (true) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Try another.
            }
        }
    }
}
