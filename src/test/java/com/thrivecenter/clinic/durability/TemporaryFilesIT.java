package com.thrivecenter.clinic.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site killed with {@code kill -9} leaves nothing in java.io.tmpdir, however often it crashes: Tomcat's folders are
 * in the data folder, and Brotli's native library is loaded from a copy deleted at once (brotli4j's own copy, and
 * Boot's Tomcat folders, were removed only by a normal exit).
 */
class TemporaryFilesIT {

    @TempDir
    Path temp;

    @Test
    void aKilledSiteLeavesNothingInTheTemporaryFolder() throws Exception {
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        Path data = temp.resolve("data");
        try (SiteProcess site = SiteProcess.start(
                List.of(
                        "--clinic.data.dir=" + data,
                        "--clinic.content.dir="
                                + Path.of("src/test/resources/fixture-content").toAbsolutePath(),
                        "--clinic.content.history=false"),
                Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp),
                temp.resolve("site.log"))) {
            assertThat(brotliCompressedPage(site.port()))
                    .as("the library loaded from the deleted copy compresses pages")
                    .isTrue();
            site.kill();
        }

        assertThat(tmp).isEmptyDirectory();
        assertThat(data.resolve("jetty").resolve("document-root")).isEmptyDirectory();
    }

    /** Brotli bytes are made after a page's first request, on a thread of their own: asks until they come. */
    private static boolean brotliCompressedPage(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest home = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Accept-Encoding", "br")
                .build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<byte[]> response = client.send(home, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            if (response.headers().firstValue("Content-Encoding").orElse("").equals("br")) {
                return response.body().length > 0;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
