package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.site.HttpPages;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every way through the contact form over real HTTP (the form, a valid inquiry and its thank-you page, and the
 * refusals that show the form again) starts no server session: no response sets a cookie other than the form's
 * CSRF token, and no session row is written, so the form costs no session storage however many patients send it.
 * Expects a minimum fill time of zero.
 */
final class SessionlessForm {

    private SessionlessForm() {}

    static void assertNoWayThroughTheFormStartsASession(int port, JdbcClient jdbc) {
        long sessionsBefore = sessionRows(jdbc);
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        HttpPages browser = new HttpPages(port);

        responses.put("the form", browser.get("/contact"));
        HttpResponse<String> accepted =
                browser.postForm("/contact", HttpPages.validInquiry(browser.openForm("/contact")));
        responses.put("a valid inquiry", accepted);
        responses.put(
                "its thank-you page",
                browser.get(accepted.headers().firstValue("Location").orElseThrow()));

        Map<String, List<String>> incomplete = HttpPages.validInquiry(browser.openForm("/contact"));
        incomplete.remove("name");
        responses.put("an incomplete inquiry", browser.postForm("/contact", incomplete));

        Map<String, List<String>> forged = HttpPages.validInquiry(browser.openForm("/contact"));
        forged.remove("_csrf");
        responses.put("an inquiry without its CSRF token", browser.postForm("/contact", forged));

        Map<String, List<String>> altered = HttpPages.validInquiry(browser.openForm("/contact"));
        altered.put("formToken", List.of(altered.get("formToken").get(0) + "x"));
        responses.put("an inquiry with an altered form token", browser.postForm("/contact", altered));

        assertThat(responses)
                .extractingFromEntries(
                        entry -> entry.getKey() + ": " + entry.getValue().statusCode())
                .containsExactly(
                        "the form: 200",
                        "a valid inquiry: 303",
                        "its thank-you page: 200",
                        "an incomplete inquiry: 422",
                        "an inquiry without its CSRF token: 403",
                        "an inquiry with an altered form token: 422");
        responses.forEach((way, response) -> assertThat(response.headers().allValues("Set-Cookie"))
                .as("cookies set by " + way)
                .allMatch(cookie -> cookie.startsWith("XSRF-TOKEN=")));
        assertThat(sessionRows(jdbc)).as("session rows").isEqualTo(sessionsBefore);
    }

    private static long sessionRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
    }
}
