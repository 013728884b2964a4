package com.thrivecenter.clinic.durability;

import com.thrivecenter.clinic.FreePorts;
import com.thrivecenter.clinic.SiteApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The site in a JVM of its own, started as production starts it: from the application context the build worked out
 * in advance (the production recipe's {@code -Dspring.aot.enabled=true}, made by {@code mvn package}), with the
 * application's own configuration (the test class path's overrides are left out), arguments and environment
 * variables on top.
 */
final class SiteProcess implements AutoCloseable {

    private static final Duration START_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private SiteProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the site from the classes and returns once it reports itself healthy. */
    static SiteProcess start(List<String> arguments, Map<String, String> environment, Path log) {
        return start(
                List.of("-Dspring.aot.enabled=true", "-cp", applicationClassPath(), SiteApplication.class.getName()),
                arguments,
                environment,
                log);
    }

    /** Starts the jar {@code mvn package} made, with a plain {@code java -jar}, as {@link #start} does. */
    static SiteProcess startJar(List<String> arguments, Map<String, String> environment, Path log) {
        return startJar(packagedJar(), arguments, environment, log);
    }

    /** Starts the given jar (the packaged one, or the application jar of its extracted layout) with {@code java -jar}. */
    static SiteProcess startJar(Path jar, List<String> arguments, Map<String, String> environment, Path log) {
        return start(List.of("-jar", jar.toString()), arguments, environment, log);
    }

    private static SiteProcess start(
            List<String> launch, List<String> arguments, Map<String, String> environment, Path log) {
        int port = FreePorts.any();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            SiteProcess site = new SiteProcess(builder.start(), log, port);
            site.awaitHealthy();
            if (!site.output().contains("Starting AOT-processed SiteApplication")) {
                site.kill();
                throw new IllegalStateException(
                        "The site did not start from the build's processing:\n" + site.output());
            }
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: on Linux, {@link Process#destroyForcibly()} sends SIGKILL; nothing of the site runs after it. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Leaves nothing running: {@link #kill} unless it has stopped already. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** {@code kill}: SIGTERM, as a service manager stops the site; it shuts down in its own time. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The site did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The site stopped while starting:\n" + output());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        kill();
        throw new IllegalStateException("The site was not healthy within " + START_WITHIN + ":\n" + output());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path packagedJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("clinic-site-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: mvn package makes it"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's class path without the test's own classes and resources (its in-memory database setting). */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
