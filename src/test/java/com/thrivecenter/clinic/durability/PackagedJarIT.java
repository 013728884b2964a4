package com.thrivecenter.clinic.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * A plain {@code java -jar} of the packaged jar, with no option, starts from the build's processing (the jar carries
 * it) and serves the pages: the start-up the README promises without the production recipe. Nor does it load what
 * only slowed it down: no XML parser (Spring's {@code sql-error-codes.xml}, which Spring Session's own JDBC template
 * read; see StoredSessions), no webauthn4j until a passkey is used (PasskeyConfig), and no JMX server (Jetty would
 * start one only to learn the size of a reference; see JettyCacheLine). The production recipe's
 * extracted layout checks no jar's signature as it starts: the build packs JGit without Eclipse's signature
 * (pom.xml), which the JVM would check at every start and which keeps JGit's classes out of its start-up caches;
 * and no library in the jar carries a signature, so a newly signed dependency shows here, not only as a slower start.
 */
class PackagedJarIT {

    @TempDir
    Path temp;

    @Test
    void aPlainJavaJarStartsFromTheBuildsProcessingAndServesThePages() throws Exception {
        Path classes = temp.resolve("classes.txt");

        try (SiteProcess site =
                SiteProcess.startJar(siteArguments(), logClassesTo(classes), temp.resolve("site.log"))) {
            assertThat(faqStatus(site)).isEqualTo(200);
            assertThat(site.output()).contains("Starting AOT-processed SiteApplication");
            assertThat(Files.readString(classes))
                    .contains("com.thrivecenter.clinic.SiteApplication ")
                    .doesNotContain("org.springframework.jdbc.support.SQLErrorCodesFactory")
                    .doesNotContain("com.sun.org.apache.xerces.")
                    .doesNotContain("com.webauthn4j.")
                    .doesNotContain("com.sun.jmx.mbeanserver.JmxMBeanServer ");
        }
    }

    @Test
    void theExtractedLayoutOfTheProductionRecipeStartsWithoutCheckingAJarSignature() throws Exception {
        Path layout = temp.resolve("app");
        Process extract = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djarmode=tools",
                        "-jar",
                        SiteProcess.packagedJar().toString(),
                        "extract",
                        "--destination",
                        layout.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("extract.log").toFile())
                .start();
        assertThat(extract.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(extract.exitValue())
                .as(Files.readString(temp.resolve("extract.log")))
                .isZero();
        Path applicationJar = layout.resolve(SiteProcess.packagedJar().getFileName());
        Path classes = temp.resolve("classes.txt");

        try (SiteProcess site = SiteProcess.startJar(
                applicationJar, siteArguments(), logClassesTo(classes), temp.resolve("site.log"))) {
            assertThat(faqStatus(site)).isEqualTo(200);
            List<String> loaded = Files.readAllLines(classes);
            assertThat(loaded).anyMatch(line -> line.contains(" org.eclipse.jgit.lib.Repository "));
            assertThat(loaded)
                    .filteredOn(line -> line.contains(" sun.security.pkcs."))
                    .isEmpty();
        }
    }

    @Test
    void noLibraryInThePackagedJarCarriesASignature() throws Exception {
        Pattern signatureFile = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
        List<String> signed = new ArrayList<>();
        try (ZipFile jar = new ZipFile(SiteProcess.packagedJar().toFile())) {
            for (ZipEntry library : jar.stream()
                    .filter(entry -> entry.getName().startsWith("BOOT-INF/lib/"))
                    .toList()) {
                try (ZipInputStream files = new ZipInputStream(jar.getInputStream(library))) {
                    for (ZipEntry file = files.getNextEntry(); file != null; file = files.getNextEntry()) {
                        if (signatureFile.matcher(file.getName()).matches()) {
                            signed.add(library.getName() + "!" + file.getName());
                        }
                    }
                }
            }
            assertThat(jar.getEntry("META-INF/BOOT.SF")).isNull();
        }
        assertThat(signed)
                .as("a signed library is checked at every start and left out of the start-up caches: pom.xml's"
                        + " jgit-without-signature step shows how to pack it without its signature")
                .isEmpty();
    }

    private List<String> siteArguments() throws Exception {
        Path content = temp.resolve("content");
        if (!Files.exists(content)) {
            FileSystemUtils.copyRecursively(Path.of("src/test/resources/fixture-content"), content);
        }
        return List.of("--clinic.data.dir=" + temp.resolve("data"), "--clinic.content.dir=" + content);
    }

    private static Map<String, String> logClassesTo(Path file) {
        return Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + file);
    }

    private static int faqStatus(SiteProcess site) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + site.port() + "/faq"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
