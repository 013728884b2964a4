package com.thrivecenter.clinic.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.site.HttpPages;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Without a configured password, the first administrator's password is printed once, and the session is locked
 * down. The administrator's own address gives this class a context of its own, started while its output is
 * captured, whichever test ran before it. The session is stored in the database, where every instance finds it.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "clinic.staff.admin-email=" + StaffSessionIT.ADMIN)
@ExtendWith(OutputCaptureExtension.class)
class StaffSessionIT {

    static final String ADMIN = "printed.admin@clinic.example";

    private static final Pattern PRINTED_PASSWORD = Pattern.compile(
            "Created the first staff administrator " + Pattern.quote(ADMIN) + " with the password (\\S+) ");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstAdministratorSignsInWithThePrintedPasswordInASecureSession(CapturedOutput startupLog) {
        Matcher printed = PRINTED_PASSWORD.matcher(startupLog.getAll());
        assertThat(printed.find())
                .as("the start-up log names the first administrator's password")
                .isTrue();
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = browser.openForm("/staff/login");
        fields.put("email", List.of(ADMIN));
        fields.put("password", List.of(printed.group(1)));

        HttpResponse<String> signedIn = browser.postForm("/staff/login", fields);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/staff"));
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :admin")
                        .param("admin", ADMIN)
                        .query(Integer.class)
                        .single())
                .as("a session in the database, ended by 30 minutes without a request")
                .isEqualTo(30 * 60);
        assertThat(HttpPages.html(browser.get("/staff")).select("h1").text()).isEqualTo("Inquiries");

        assertThat(PRINTED_PASSWORD.matcher(startupLog.getAll()).results().count())
                .as("printed once")
                .isEqualTo(1);
    }
}
