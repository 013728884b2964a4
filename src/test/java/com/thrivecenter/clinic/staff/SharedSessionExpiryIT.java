package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.SiteInstance;
import com.thrivecenter.clinic.site.HttpPages;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one PostgreSQL whose staff sessions end after a few seconds without a request: a session left
 * alone that long is over on both, whichever served it last.
 */
class SharedSessionExpiryIT {

    private static EmbeddedPostgres database;
    private static SiteInstance a;
    private static SiteInstance b;

    @BeforeAll
    static void startTwoInstances() {
        Map<String, String> settings = new HashMap<>(SharedSessionsIT.SETTINGS);
        // Boot's session timeout, which Spring Session's falls back to, as in production (there 30 minutes).
        settings.put("server.servlet.session.timeout", "3s");
        database = EmbeddedPostgresServer.start();
        a = SiteInstance.start(database, settings);
        b = SiteInstance.start(database, settings);
    }

    @AfterAll
    static void stop() throws IOException {
        a.close();
        b.close();
        database.close();
    }

    @Test
    void aSessionLeftAloneExpiresOnBothInstances() {
        String email = "idle@clinic.example";
        a.bean(AccountService.class).create("test", email, PASSWORD, Role.STAFF);
        // One session started on A and used on B, another the other way round.
        Map<SiteInstance, String> sessionCookies = new LinkedHashMap<>();
        for (List<SiteInstance> pair : List.of(List.of(a, b), List.of(b, a))) {
            HttpPages signedIn = SharedSessionsIT.signIn(pair.get(0).browser(), email, PASSWORD);
            assertThat(signedIn.sameBrowserOn(pair.get(1).port()).get("/staff").statusCode())
                    .as("in use on the other instance")
                    .isEqualTo(200);
            sessionCookies.put(pair.get(1), signedIn.cookieHeader());
        }
        long lastExpiry = a.bean(JdbcClient.class)
                .sql("SELECT MAX(expiry_time) FROM spring_session WHERE principal_name = :email")
                .param("email", email)
                .query(Long.class)
                .single();
        assertThat(Duration.between(Instant.now(), Instant.ofEpochMilli(lastExpiry)))
                .isLessThanOrEqualTo(Duration.ofSeconds(3));

        // Left alone (no request touches either session) until both have ended.
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().toEpochMilli() > lastExpiry);

        sessionCookies.forEach((instance, cookie) -> {
            HttpPages browser = instance.browser();
            SharedSessionsIT.assertSentToSignIn(browser.send(
                    browser.request("/staff").header("Cookie", cookie).build()));
        });
    }
}
