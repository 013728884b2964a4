package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thrivecenter.clinic.SiteApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real shutdown path of one instance, as a load balancer sees it: first readiness says DOWN while every
 * request is still served (clinic.shutdown.drain), then the instance stops listening and the requests in flight
 * finish (graceful shutdown). An H2 file database in a temporary folder, so what a request stored can be read
 * after the site has gone.
 */
class GracefulShutdownIT {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String drain) {
        return new SpringApplicationBuilder(SiteApplication.class)
                .run(
                        "--server.port=0",
                        "--clinic.data.dir=" + data,
                        "--spring.datasource.url=" + databaseUrl(),
                        "--clinic.inquiries.min-fill-time=0s",
                        "--clinic.shutdown.drain=" + drain);
    }

    private String databaseUrl() {
        return "jdbc:h2:file:" + data.resolve("clinic") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static int port(ConfigurableApplicationContext site) {
        return site.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static int status(int port, String path) {
        HttpPages client = new HttpPages(port);
        return client.send(client.request(path).build()).statusCode();
    }

    @Test
    void duringTheDrainReadinessIsDownWhilePagesAndTheFormAreStillServed() throws Exception {
        ConfigurableApplicationContext site = start("3s");
        int port = port(site);
        assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);

        Thread closing = new Thread(site::close);
        closing.start();

        awaitUntil(() -> status(port, "/actuator/health/readiness") == 503);
        assertThat(status(port, "/")).isEqualTo(200);
        assertThat(status(port, "/contact")).isEqualTo(200);
        assertThat(status(port, "/actuator/health/liveness"))
                .as("a draining instance is alive: nothing should restart it")
                .isEqualTo(200);
        closing.join(Duration.ofSeconds(60).toMillis());
        assertThat(closing.isAlive()).isFalse();
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aFormPostInFlightWhenShutdownBeginsIsAnsweredAndStored() throws Exception {
        ConfigurableApplicationContext site = start("0s");
        int port = port(site);
        HttpPages patient = new HttpPages(port);
        byte[] body = urlEncoded(HttpPages.validInquiry(patient.openForm("/contact")));
        int half = body.length / 2;
        StatisticsHandler requests = requests(site);

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /contact HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: " + body.length + "\r\n"
                            + "Cookie: " + patient.cookieHeader() + "\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, half);
            out.flush();
            // The site reads bodies asynchronously: the request is in flight once it waits for the rest.
            awaitUntil(() -> requests.getRequestsActive() > 0);

            Thread closing = new Thread(site::close);
            closing.start();
            awaitUntil(() -> refusesConnections(port));
            out.write(body, half, body.length - half);
            out.flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 303").contains("Location: /contact/thanks?reference=");
            closing.join(Duration.ofSeconds(60).toMillis());
            assertThat(closing.isAlive()).isFalse();
        }
        assertThat(storedInquiries()).isEqualTo(1);
    }

    /** Jetty's count of the requests in flight (graceful shutdown waits for it to reach nought). */
    private static StatisticsHandler requests(ConfigurableApplicationContext site) {
        JettyWebServer server = (JettyWebServer) ((WebServerApplicationContext) site).getWebServer();
        return server.getServer().getDescendant(StatisticsHandler.class);
    }

    private static boolean refusesConnections(int port) {
        try (Socket probe = new Socket("localhost", port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int storedInquiries() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
                ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM inquiry")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static byte[] urlEncoded(Map<String, List<String>> fields) {
        return fields.entrySet().stream()
                .flatMap(field -> field.getValue().stream()
                        .map(value -> field.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private static void awaitUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30 s").isBefore(deadline);
            Thread.onSpinWait();
        }
    }
}
