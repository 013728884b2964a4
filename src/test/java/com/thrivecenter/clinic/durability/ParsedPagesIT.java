package com.thrivecenter.clinic.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The production site keeps what each page parsed to in its data folder, and a start after a crash reads it back
 * instead of parsing: only a file changed in between is parsed again, and the pages are the same bytes as before.
 */
class ParsedPagesIT {

    @TempDir
    Path temp;

    private SiteProcess site;

    @AfterEach
    void leaveNothingRunning() {
        if (site != null) {
            site.kill();
        }
    }

    @Test
    void aRestartReadsBackEveryPageButTheOneEditedWhileTheSiteWasDown() throws Exception {
        Path content = temp.resolve("content");
        FileSystemUtils.copyRecursively(Path.of("src/test/resources/fixture-content"), content);
        Path data = temp.resolve("data");
        List<String> arguments = List.of(
                "--clinic.data.dir=" + data, "--clinic.content.dir=" + content, "--clinic.content.history=false");
        long files = markdownFiles(content);

        site = SiteProcess.start(arguments, Map.of(), temp.resolve("first.log"));
        String home = page("/");
        String faq = page("/faq");
        assertThat(site.output()).contains("from " + files + " files in").contains("(0 read back as parsed before)");
        assertThat(entries(data.resolve("parsed-pages"))).isEqualTo(files);
        site.kill();

        Path faqFile = content.resolve("faq.md");
        Files.writeString(faqFile, Files.readString(faqFile) + "\nOne more answer, written while the site was down.\n");
        site = SiteProcess.start(arguments, Map.of(), temp.resolve("second.log"));

        assertThat(site.output()).contains("(" + (files - 1) + " read back as parsed before)");
        assertThat(page("/")).isEqualTo(home);
        assertThat(page("/faq")).isNotEqualTo(faq).contains("One more answer, written while the site was down.");
        assertThat(entries(data.resolve("parsed-pages"))).isEqualTo(files);
    }

    private String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + site.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static long markdownFiles(Path content) throws IOException {
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> !file.getFileName().toString().equals("README.md"))
                    .count();
        }
    }

    private static long entries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        }
    }
}
