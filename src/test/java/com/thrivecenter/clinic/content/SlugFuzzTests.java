package com.thrivecenter.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whatever a browser sends or a file is called, a slug is either refused or a clean, bounded address that
 * round-trips through its URL. {@code mvn test} replays the seeds in SlugFuzzTestsInputs; JAZZER_FUZZ=1 fuzzes.
 */
class SlugFuzzTests {

    @FuzzTest
    void fromRequestPath(byte[] input) {
        String path = new String(input, StandardCharsets.UTF_8);

        Optional<Slug> slug = Slug.fromRequestPath(path);

        slug.ifPresent(found -> {
            assertRoundTrips(found);
            assertThat(found.url()).isEqualTo(path.startsWith("/") ? path : "/" + path);
        });
    }

    @FuzzTest
    void fromFile(byte[] input) {
        Path file;
        try {
            file = Path.of(new String(input, StandardCharsets.UTF_8));
        } catch (InvalidPathException e) {
            return; // no such file can exist, so Slug never sees it
        }

        Slug.fromFile(file).ifPresent(found -> {
            assertRoundTrips(found);
            assertThat(file.toString()).endsWith(".md");
        });
    }

    private static void assertRoundTrips(Slug slug) {
        assertThat(slug.value().length()).isLessThanOrEqualTo(Slug.MAX_LENGTH);
        assertThat(Slug.fromRequestPath(slug.url())).contains(slug);
        assertThat(new Slug(slug.value())).isEqualTo(slug);
    }
}
