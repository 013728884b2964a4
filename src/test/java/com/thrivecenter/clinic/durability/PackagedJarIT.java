package com.thrivecenter.clinic.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * A plain {@code java -jar} of the packaged jar, with no option, starts from the build's processing (the jar carries
 * it) and serves the pages: the start-up the README promises without the production recipe. Nor does it load what
 * only slowed it down: no XML parser (Spring's {@code sql-error-codes.xml}, which Spring Session's own JDBC template
 * read; see StoredSessions), and no webauthn4j until a passkey is used (PasskeyConfig).
 */
class PackagedJarIT {

    @TempDir
    Path temp;

    @Test
    void aPlainJavaJarStartsFromTheBuildsProcessingAndServesThePages() throws Exception {
        Path content = temp.resolve("content");
        FileSystemUtils.copyRecursively(Path.of("src/test/resources/fixture-content"), content);
        Path classes = temp.resolve("classes.txt");

        try (SiteProcess site = SiteProcess.startJar(
                List.of("--clinic.data.dir=" + temp.resolve("data"), "--clinic.content.dir=" + content),
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classes),
                temp.resolve("site.log"))) {
            HttpResponse<String> faq = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + site.port() + "/faq"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(faq.statusCode()).isEqualTo(200);
            assertThat(site.output()).contains("Starting AOT-processed SiteApplication");
            assertThat(Files.readString(classes))
                    .contains("com.thrivecenter.clinic.SiteApplication ")
                    .doesNotContain("org.springframework.jdbc.support.SQLErrorCodesFactory")
                    .doesNotContain("com.sun.org.apache.xerces.")
                    .doesNotContain("com.webauthn4j.");
        }
    }
}
