package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** When the database goes away, the site says it is not ready (so traffic goes elsewhere), yet stays alive. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-timeout=1000")
// The embedded PostgreSQL stops with the class: its context (and connection pool) must not outlive it.
@DirtiesContext
@ActiveProfiles("postgres")
class PostgresHealthIT {

    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.register(POSTGRES, registry);
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    private int status(String path) {
        HttpPages monitor = new HttpPages(port);
        return monitor.send(monitor.request(path).build()).statusCode();
    }

    @Test
    void readinessFollowsTheDatabaseAndLivenessDoesNot() throws IOException {
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);

        POSTGRES.close();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (status("/actuator/health/readiness") != 503 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        HttpPages monitor = new HttpPages(port);
        HttpResponse<String> readiness =
                monitor.send(monitor.request("/actuator/health/readiness").build());
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(status("/actuator/health")).isEqualTo(503);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
    }
}
