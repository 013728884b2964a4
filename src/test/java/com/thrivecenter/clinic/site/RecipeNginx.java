package com.thrivecenter.clinic.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Debian's nginx in the foreground with deploy/nginx.conf filled in: the recipe in front of two instances. */
final class RecipeNginx implements AutoCloseable {

    private final Path state;
    private final Process process;

    private RecipeNginx(Path state, Process process) {
        this.state = state;
        this.process = process;
    }

    /**
     * Starts nginx on {@code listenPort} in front of instances on {@code portA} and {@code portB}, keeping its state
     * in {@code state}. {@code adjust} may change the filled configuration, for what a test must pin down.
     */
    static RecipeNginx start(Path state, int listenPort, int portA, int portB, UnaryOperator<String> adjust)
            throws IOException {
        for (String dir : List.of("html", "cache", "tmp")) {
            Files.createDirectories(state.resolve(dir));
        }
        Files.copy(Path.of("deploy/try-again.html"), state.resolve("html/try-again.html"));
        String config = Files.readString(Path.of("deploy/nginx.conf"))
                .replace("@USER@", System.getProperty("user.name"))
                .replace("@STATE@", state.toString())
                .replace("@LISTEN@", "127.0.0.1:" + listenPort)
                .replace("@INSTANCE_A@", "127.0.0.1:" + portA)
                .replace("@INSTANCE_B@", "127.0.0.1:" + portB);
        Path conf = Files.writeString(state.resolve("nginx.conf"), adjust.apply(config));
        Process process = new ProcessBuilder(
                        "/usr/sbin/nginx",
                        "-p",
                        state.toString(),
                        "-c",
                        conf.toString(),
                        "-e",
                        state.resolve("error.log").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(state.resolve("nginx.out").toFile())
                .start();
        return new RecipeNginx(state, process);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The access log so far: one line per request, naming the instances nginx tried ({@code upstream=}). */
    List<String> accessLog() {
        try {
            return Files.readAllLines(state.resolve("access.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
