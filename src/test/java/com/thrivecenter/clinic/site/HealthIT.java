package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the mail server unreachable, every page still works, so the site is healthy and ready. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HealthIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableMailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", HealthIT::closedPort);
    }

    /** A port nothing listens on: it was free a moment ago, and is closed again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void healthLivenessAndReadinessAreUpInPlainJsonWithoutDetailsWhileMailIsDown(CapturedOutput log) {
        HttpPages monitor = new HttpPages(port);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> health = monitor.send(monitor.request(path).build());

            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(health.body())
                    .as(path)
                    .startsWith("{")
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("components", "details", "db", "content", "mail", "diskSpace");
        }
        // Only the mail check's own traces: the JVM's output is shared with every other context of the run.
        assertThat(log.getAll())
                .doesNotContain(
                        "MailHealthIndicator", "Mail health check failed", "MailException", "MessagingException");
    }

    @Test
    void theIndividualChecksAreNotOpenToAnonymousCallers() {
        HttpPages monitor = new HttpPages(port);
        for (String path : List.of(
                "/actuator/health/db",
                "/actuator/health/mail",
                "/actuator/health/content",
                "/actuator/health/readiness/db")) {
            assertThat(monitor.send(monitor.request(path).build()).statusCode())
                    .as(path)
                    .isEqualTo(404);
        }
    }
}
