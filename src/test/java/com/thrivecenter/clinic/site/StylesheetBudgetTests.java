package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The site's own CSS stays small and blocks rendering once: one file, under 25 KB, importing nothing. */
class StylesheetBudgetTests {

    private static final Path STYLES = Path.of("src/main/resources/static/css");

    private static List<Path> stylesheets() throws IOException {
        try (Stream<Path> files = Files.list(STYLES)) {
            return files.filter(file -> file.toString().endsWith(".css")).toList();
        }
    }

    @Test
    void theHandWrittenCssIsOneFileUnder25Kilobytes() throws IOException {
        assertThat(stylesheets())
                .extracting(Path::getFileName)
                .extracting(Path::toString)
                .containsExactly("site.css");
        assertThat(Files.size(STYLES.resolve("site.css"))).isLessThan(25_000);
    }

    @Test
    void itImportsNoOtherStylesheetOrFont() throws IOException {
        String css = Files.readString(STYLES.resolve("site.css"));
        assertThat(css).doesNotContain("@import", "@font-face");
    }
}
