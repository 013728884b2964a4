package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every form field of the site, sent every kind of hostile value over real HTTP: whatever arrives, the answer is
 * below 500 and is the site's own page, with no stack trace and no framework or exception names. The subclasses
 * run it on each database the site supports.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.inquiries.min-fill-time=0s",
            "clinic.inquiries.rate-limit-max=1000000",
            "clinic.staff.lock-after=1000000",
            "clinic.staff.admin-email=" + HostileInputChecks.ADMIN_EMAIL,
            "clinic.staff.admin-password=" + HostileInputChecks.ADMIN_PASSWORD
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputChecks {

    static final String ADMIN_EMAIL = "hostile.admin@clinic.example";
    static final String ADMIN_PASSWORD = "hostile-admin-password";
    /** The account the enable and password forms are aimed at, so the signed-in administrator stays as is. */
    private static final String TARGET_EMAIL = "target@clinic.example";

    /** Values already in URL-encoded form, so that bytes no encoder would produce can be sent too. */
    private static final Map<String, String> HOSTILE_VALUES = hostileValues();

    private static final String DUPLICATED = "duplicated";

    /** Each form: its name, and the fields a client can send it. */
    private static final Map<String, List<String>> FORMS = Map.ofEntries(
            Map.entry(
                    "contact",
                    List.of(
                            "name",
                            "email",
                            "phone",
                            "contactMethod",
                            "reason",
                            "message",
                            "preferredTimes",
                            "referredByPhysician",
                            "consent",
                            "website",
                            "formToken",
                            "_csrf")),
            Map.entry("sign-in", List.of("email", "password", "_csrf")),
            Map.entry("inbox", List.of("q", "status", "page")),
            Map.entry("inquiry status", List.of("status", "_csrf")),
            Map.entry("inquiry note", List.of("note", "_csrf")),
            Map.entry("new account", List.of("email", "password", "role", "_csrf")),
            Map.entry("account enabled", List.of("email", "enabled", "_csrf")),
            Map.entry("account password", List.of("email", "password", "_csrf")),
            Map.entry("account name on pages", List.of("email", "displayName", "_csrf")),
            Map.entry("account factors reset", List.of("email", "_csrf")),
            Map.entry("passkey removal", List.of("id", "_csrf")),
            Map.entry("audit", List.of("page")),
            Map.entry("access report", List.of("reference")),
            // Previews only: a hostile save must not write into the project's own content folder.
            Map.entry(
                    "page editor",
                    List.of(
                            "file",
                            "baseHash",
                            "address",
                            "title",
                            "description",
                            "navLabel",
                            "navOrder",
                            "draft",
                            "publish",
                            "expires",
                            "sources[0].title",
                            "sources[0].url",
                            "aliases[0]",
                            "body",
                            "message",
                            "form",
                            "action",
                            "_csrf")),
            Map.entry("page history", List.of("file")),
            Map.entry("page version", List.of("file", "version")),
            Map.entry("page compare", List.of("file", "from", "to")),
            Map.entry("page restore", List.of("file", "version", "_csrf")),
            Map.entry("page review", List.of("file")),
            Map.entry("page approval", List.of("file", "version", "_csrf")));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpPages admin;
    private String csrf;
    private String reference;
    private final AtomicInteger newAccounts = new AtomicInteger();

    private static Map<String, String> hostileValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NUL", "a%00b");
        values.put("only NUL", "%00");
        values.put("C0 and C1 controls", "a%01%08%0B%0C%1B%7F%C2%80%C2%85%C2%9Fb");
        values.put("CR LF and a header", "a%0D%0ASet-Cookie:%20x=y%0D%0A");
        values.put("100k characters", "x".repeat(100_000));
        values.put("5k characters", "x".repeat(5_000));
        values.put("phone-shaped, 112 characters", "555-010-0155" + "-".repeat(100));
        values.put("invalid UTF-8 %C3%28", "%C3%28");
        values.put("invalid UTF-8 %FF", "a%FFb");
        values.put("overlong UTF-8 %C0%AF", "%C0%AF");
        values.put("UTF-8 surrogate %ED%A0%80", "%ED%A0%80");
        values.put("broken percent escape", "%G1%");
        values.put(
                "RTL override and zero-width",
                URLEncoder.encode("\u202Eevil\u200B\u200D\u2066\uFEFF", StandardCharsets.UTF_8));
        values.put("empty", "");
        values.put("huge number", "100000000");
        values.put("overflowing number", "99999999999999999999");
        values.put("negative number", "-1");
        values.put(DUPLICATED, "");
        return values;
    }

    static Stream<Arguments> everyFieldWithEveryHostileValue() {
        List<Arguments> cases = new ArrayList<>();
        FORMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(form -> form.getValue()
                .forEach(field -> HOSTILE_VALUES
                        .keySet()
                        .forEach(value -> cases.add(Arguments.of(form.getKey(), field, value)))));
        return cases.stream();
    }

    @BeforeAll
    void signInAndPrepare() {
        admin = signedIn();
        csrf = admin.openForm("/staff/accounts").get("_csrf").get(0);
        HttpResponse<String> created = admin.postForm(
                "/staff/accounts",
                Map.of(
                        "email",
                        List.of(TARGET_EMAIL),
                        "password",
                        List.of("target-password-1"),
                        "role",
                        List.of("STAFF"),
                        "_csrf",
                        List.of(csrf)));
        assertThat(created.statusCode()).isEqualTo(302);
        HttpPages patient = new HttpPages(port);
        assertThat(patient.postForm("/contact", HttpPages.validInquiry(patient.openForm("/contact")))
                        .statusCode())
                .isEqualTo(303);
        reference = jdbc.sql("SELECT reference FROM inquiry")
                .query(String.class)
                .list()
                .get(0);
    }

    private HttpPages signedIn() {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = new LinkedHashMap<>(browser.openForm("/staff/login"));
        fields.put("email", List.of(ADMIN_EMAIL));
        fields.put("password", List.of(ADMIN_PASSWORD));
        HttpResponse<String> signIn = browser.postForm("/staff/login", fields);
        assertThat(signIn.headers().firstValue("Location")).as("signed in").hasValueSatisfying(to -> assertThat(to)
                .endsWith("/staff"));
        return browser;
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("everyFieldWithEveryHostileValue")
    void aHostileValueInAnyFieldGetsTheSitesOwnAnswer(String form, String field, String hostile) {
        RawHttp.Answer response = send(form, field, hostile);

        assertSafe(form + " " + field + " = " + hostile, response);
    }

    static Stream<String> hostilePaths() {
        return Stream.of(
                "/%00",
                "/a%00b",
                "/%C0%AF",
                "/%FF",
                "/%G1%",
                "/contact?name=%00",
                "/contact?name=%G1%",
                "/migraine/stages?x=%00&x=%FF",
                "/staff/inquiries/%00",
                "/staff/inquiries/a%00b",
                "/staff/inquiries/%C3%28",
                "/" + "a/".repeat(2_500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePaths")
    void aHostilePathGetsTheSitesOwnAnswer(String path) {
        assertSafe(path.length() > 60 ? path.substring(0, 60) + "…" : path, get(admin, path));
    }

    private RawHttp.Answer send(String form, String field, String hostile) {
        return switch (form) {
            case "contact" -> {
                HttpPages patient = new HttpPages(port);
                yield post(
                        patient,
                        "/contact",
                        with(encoded(HttpPages.validInquiry(patient.openForm("/contact"))), field, hostile));
            }
            case "sign-in" -> {
                HttpPages stranger = new HttpPages(port);
                Map<String, List<String>> fields = new LinkedHashMap<>(stranger.openForm("/staff/login"));
                fields.put("email", List.of("nobody@clinic.example"));
                fields.put("password", List.of("not-the-password"));
                yield post(stranger, "/staff/login", with(encoded(fields), field, hostile));
            }
            case "inbox" ->
                get(
                        admin,
                        "/staff?"
                                + body(with(
                                        encoded(Map.of(
                                                "q", List.of("Rosa"), "status", List.of("NEW"), "page", List.of("0"))),
                                        field,
                                        hostile)));
            case "audit" ->
                get(admin, "/staff/audit?" + body(with(encoded(Map.of("page", List.of("0"))), field, hostile)));
            case "access report" ->
                get(
                        admin,
                        "/staff/audit/access?"
                                + body(with(encoded(Map.of("reference", List.of(reference))), field, hostile)));
            case "inquiry status" ->
                post(
                        admin,
                        "/staff/inquiries/" + reference + "/status",
                        with(staffForm(Map.of("status", List.of("CONTACTED"))), field, hostile));
            case "inquiry note" ->
                post(
                        admin,
                        "/staff/inquiries/" + reference + "/notes",
                        with(staffForm(Map.of("note", List.of("Called back"))), field, hostile));
            case "new account" ->
                post(
                        admin,
                        "/staff/accounts",
                        with(
                                staffForm(Map.of(
                                        "email",
                                        List.of("new" + newAccounts.incrementAndGet() + "@clinic.example"),
                                        "password",
                                        List.of("a-long-enough-password"),
                                        "role",
                                        List.of("STAFF"))),
                                field,
                                hostile));
            case "account enabled" ->
                post(
                        admin,
                        "/staff/accounts/enabled",
                        with(
                                staffForm(Map.of("email", List.of(TARGET_EMAIL), "enabled", List.of("true"))),
                                field,
                                hostile));
            case "account password" ->
                post(
                        admin,
                        "/staff/accounts/password",
                        with(
                                staffForm(Map.of(
                                        "email", List.of(TARGET_EMAIL), "password", List.of("target-password-2"))),
                                field,
                                hostile));
            case "account name on pages" ->
                post(
                        admin,
                        "/staff/accounts/name",
                        with(
                                staffForm(Map.of(
                                        "email", List.of(TARGET_EMAIL), "displayName", List.of("Dr. Target, MD"))),
                                field,
                                hostile));
            case "account factors reset" ->
                post(
                        admin,
                        "/staff/accounts/factors",
                        with(staffForm(Map.of("email", List.of(TARGET_EMAIL))), field, hostile));
            case "passkey removal" ->
                post(
                        admin,
                        "/staff/account/passkeys/remove",
                        with(staffForm(Map.of("id", List.of("AAAA"))), field, hostile));
            case "page editor" ->
                post(
                        admin,
                        "/staff/content/edit",
                        with(
                                staffForm(Map.ofEntries(
                                        Map.entry("file", List.of("faq.md")),
                                        Map.entry("baseHash", List.of("0")),
                                        Map.entry("address", List.of("/faq")),
                                        Map.entry("title", List.of("Questions")),
                                        Map.entry("description", List.of("What patients ask.")),
                                        Map.entry("navLabel", List.of("FAQ")),
                                        Map.entry("navOrder", List.of("40")),
                                        Map.entry("draft", List.of("false")),
                                        Map.entry("publish", List.of("2026-12-01T09:00")),
                                        Map.entry("expires", List.of("")),
                                        Map.entry("sources[0].title", List.of("A source")),
                                        Map.entry("sources[0].url", List.of("https://www.example.org/")),
                                        Map.entry("aliases[0]", List.of("/old-faq")),
                                        Map.entry("body", List.of("## A question?\n\nAn answer.")),
                                        Map.entry("message", List.of("Checked")),
                                        Map.entry("form", List.of("")),
                                        Map.entry("action", List.of("preview")))),
                                field,
                                hostile));
            case "page history" ->
                get(
                        admin,
                        "/staff/content/history?"
                                + body(with(encoded(Map.of("file", List.of("faq.md"))), field, hostile)));
            case "page version" ->
                get(
                        admin,
                        "/staff/content/history/version?"
                                + body(with(
                                        encoded(Map.of("file", List.of("faq.md"), "version", List.of("HEAD~1"))),
                                        field,
                                        hostile)));
            case "page compare" ->
                get(
                        admin,
                        "/staff/content/history/compare?"
                                + body(with(
                                        encoded(Map.of(
                                                "file",
                                                List.of("faq.md"),
                                                "from",
                                                List.of("HEAD~1"),
                                                "to",
                                                List.of("HEAD"))),
                                        field,
                                        hostile)));
            case "page restore" ->
                post(
                        admin,
                        "/staff/content/history/restore",
                        with(
                                staffForm(Map.of("file", List.of("faq.md"), "version", List.of("HEAD~1"))),
                                field,
                                hostile));
            case "page review" ->
                get(
                        admin,
                        "/staff/content/review?"
                                + body(with(encoded(Map.of("file", List.of("faq.md"))), field, hostile)));
            case "page approval" ->
                post(
                        admin,
                        "/staff/content/review",
                        with(staffForm(Map.of("file", List.of("faq.md"), "version", List.of("HEAD"))), field, hostile));
            default -> throw new IllegalArgumentException(form);
        };
    }

    private List<Map.Entry<String, String>> staffForm(Map<String, List<String>> fields) {
        Map<String, List<String>> all = new LinkedHashMap<>(fields);
        all.put("_csrf", List.of(csrf));
        return encoded(all);
    }

    /** The fields, the named one replaced by the hostile value (or sent twice, once with something else). */
    private static List<Map.Entry<String, String>> with(
            List<Map.Entry<String, String>> fields, String field, String hostile) {
        List<Map.Entry<String, String>> result = new ArrayList<>(
                fields.stream().filter(f -> !f.getKey().equals(field)).toList());
        if (hostile.equals(DUPLICATED)) {
            fields.stream().filter(f -> f.getKey().equals(field)).forEach(result::add);
            result.add(Map.entry(field, "other"));
            result.add(Map.entry(field, "%00"));
        } else {
            result.add(Map.entry(field, HOSTILE_VALUES.get(hostile)));
        }
        return result;
    }

    private static List<Map.Entry<String, String>> encoded(Map<String, List<String>> fields) {
        return fields.entrySet().stream()
                .flatMap(f -> f.getValue().stream()
                        .map(v -> Map.entry(f.getKey(), URLEncoder.encode(v, StandardCharsets.UTF_8))))
                .toList();
    }

    private static String body(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(f -> f.getKey() + "=" + f.getValue()).collect(Collectors.joining("&"));
    }

    private static RawHttp.Answer post(HttpPages browser, String path, List<Map.Entry<String, String>> fields) {
        HttpResponse<String> response = browser.send(browser.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body(fields)))
                .build());
        return new RawHttp.Answer(
                response.statusCode(),
                response.headers().map().entrySet().stream()
                        .collect(Collectors.toMap(h -> h.getKey().toLowerCase(Locale.ROOT), h -> h.getValue()
                                .get(0))),
                response.body());
    }

    /** A GET written on the socket as given, so that a URL no client library accepts ("%G1%") can be sent too. */
    private RawHttp.Answer get(HttpPages browser, String pathAndQuery) {
        return RawHttp.exchange(
                port,
                "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n" + "Cookie: "
                        + browser.cookieHeader() + "\r\nConnection: close\r\n\r\n");
    }

    static void assertSafe(String what, RawHttp.Answer response) {
        assertThat(response.status()).as(what).isLessThan(500);
        assertThat(response.body())
                .as(what)
                .doesNotContain("Exception", "at org.", "at java.", "at com.", "Whitelabel", "java.")
                .doesNotContainPattern("\\b(Spring|Tomcat|Jetty|Jakarta)\\b");
        if (response.status() >= 400) {
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("main h1").text())
                    .as(what + ": the site's own page")
                    .isNotBlank();
            assertThat(response.header("Content-Security-Policy"))
                    .as(what + ": security headers")
                    .isNotEmpty();
        }
    }
}
