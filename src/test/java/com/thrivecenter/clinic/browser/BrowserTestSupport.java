package com.thrivecenter.clinic.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives Debian's Chromium (never a browser Playwright would download) against the site on a random port.
 * One browser per test class; each test gets fresh contexts, which it closes.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.inquiries.min-fill-time=0s",
            "clinic.inquiries.rate-limit-max=1000",
            "clinic.staff.admin-email=" + BrowserTestSupport.ADMIN_EMAIL,
            "clinic.staff.admin-password=" + BrowserTestSupport.ADMIN_PASSWORD
        })
public abstract class BrowserTestSupport {

    protected static final String ADMIN_EMAIL = "browser.admin@clinic.example";
    protected static final String ADMIN_PASSWORD = "browser-admin-password";

    /** The axe-core rules every page must pass: WCAG 2.0 and 2.1, A and AA, and axe's best practice. */
    protected static final List<String> WCAG_A_AA_AND_BEST_PRACTICE =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    /** Without the networking flags Chromium keeps calling out to hosts this machine cannot reach. */
    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private static Playwright playwright;
    protected static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeChromium() {
        browser.close();
        playwright.close();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A fresh browser window of the given size, with or without JavaScript. */
    protected Page window(int width, int height, boolean javaScript) {
        return window(
                new Browser.NewContextOptions().setViewportSize(width, height).setJavaScriptEnabled(javaScript));
    }

    /** A fresh browser window on the site, with the given options. */
    protected Page window(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setBaseURL("http://localhost:" + port));
        contexts.add(context);
        return context.newPage();
    }

    protected Page window(int width, int height) {
        return window(width, height, true);
    }

    /** Fills in the contact form as a patient would, by the fields' visible labels. */
    protected static void send(Page page) {
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send inquiry"))
                .click();
    }

    protected static void fillInquiry(Page page, String name) {
        page.getByLabel("Your name").fill(name);
        page.getByLabel("Email address").fill("patient@example.org");
        page.getByLabel("Phone number").fill("(555) 010-0142");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Migraine", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Anything you would like us to know").fill("Two attacks a week.");
        page.locator("#preferredTimes-tuesday-morning").check();
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#consent").check();
    }

    /** Signs in through the staff sign-in form. */
    protected static void signIn(Page page, String email, String password) {
        page.navigate("/staff/login");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        // Straight to the inbox, or back to the staff page asked for before signing in.
        page.waitForURL(url -> url.contains("/staff") && !url.contains("/staff/login"));
    }
}
