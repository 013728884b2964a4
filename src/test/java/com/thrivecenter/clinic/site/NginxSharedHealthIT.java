package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.thrivecenter.clinic.FreePorts;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx's workers share what they have learnt of the instances (the upstream's {@code zone} in deploy/nginx.conf).
 * Without it each worker finds out for itself that an instance is down, and keeps it out for its own five seconds:
 * in the rolling restart, one worker could send the restarted instance traffic again while another still held it
 * out; stopping the other instance then left that worker none, and patients on it got the retry page.
 */
class NginxSharedHealthIT {

    private static final int MAX_FAILS = 2;
    private static final int REQUESTS = 30;

    @TempDir
    Path folder;

    @Test
    void onceOneWorkerHasFoundAnInstanceDownNoOtherWorkerTriesIt() throws Exception {
        int down = FreePorts.any();
        HttpServer up = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        up.createContext("/", exchange -> {
            byte[] body = "an instance".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        up.start();
        int nginxPort = FreePorts.any();
        // Two workers even on a one-core machine: "auto" starts one per core, and one worker shares with itself.
        try (RecipeNginx nginx = RecipeNginx.start(
                folder,
                nginxPort,
                down,
                up.getAddress().getPort(),
                config -> config.replace("worker_processes auto;", "worker_processes 2;"))) {
            Instant firstAnswer = null;
            Instant deadline = Instant.now().plusSeconds(30);
            int answered = 0;
            while (answered < REQUESTS) {
                // A new connection each time: the kernel hands each one to either worker.
                int status = statusOnANewConnection(nginxPort);
                if (status == 0) {
                    assertThat(nginx.isAlive()).as("nginx running").isTrue();
                    assertThat(Instant.now()).as("nginx listening within 30 s").isBefore(deadline);
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                    continue;
                }
                assertThat(status)
                        .as("every request is answered by the instance that is up")
                        .isEqualTo(200);
                firstAnswer = firstAnswer == null ? Instant.now() : firstAnswer;
                answered++;
            }
            assertThat(Duration.between(firstAnswer, Instant.now()))
                    .as("all requests inside one fail_timeout (5 s), so none was a retry after it")
                    .isLessThan(Duration.ofSeconds(4));

            String triedDown = "127.0.0.1:" + down;
            awaitLines(nginx, REQUESTS);
            assertThat(nginx.accessLog().stream().filter(line -> line.contains(triedDown)))
                    .as("requests that tried the instance that is down, over both workers")
                    .hasSize(MAX_FAILS);
        } finally {
            up.stop(0);
        }
    }

    /** The status of GET /contact (never cached) on a connection of its own, 0 while nginx does not listen yet. */
    private static int statusOnANewConnection(int port) {
        try {
            return RawHttp.exchange(port, "GET /contact HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .status();
        } catch (UncheckedIOException notListening) {
            return 0;
        }
    }

    /** nginx writes a request's line once it has answered, so the last lines may trail the answers a little. */
    private static void awaitLines(RecipeNginx nginx, int lines) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (nginx.accessLog().size() < lines) {
            assertThat(Instant.now()).as("access log complete").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
