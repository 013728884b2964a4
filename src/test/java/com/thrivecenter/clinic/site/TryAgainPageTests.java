package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The page nginx shows when no instance can answer (deploy/try-again.html) is the clinic's own, valid and plain. */
class TryAgainPageTests {

    private static final Path PAGE = Path.of("deploy/try-again.html");

    @Test
    void itIsValidHtmlWithOneHeadingAndAMainLandmark() throws IOException {
        String html = Files.readString(PAGE);
        Document page = Jsoup.parse(html);

        assertThat(new NuHtmlValidator().errors(html)).isEmpty();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("h1"))
                .singleElement()
                .extracting(h1 -> h1.text())
                .isEqualTo("Please try again in a moment");
        assertThat(page.select("main")).hasSize(1);
    }

    @Test
    void itTellsAPatientTheirMessageDidNotArriveAndNamesNoSoftware() throws IOException {
        String text = Jsoup.parse(Files.readString(PAGE)).text();

        assertThat(text).contains("We could not take your message just now", "send it again");
        assertThat(text.toLowerCase(Locale.ROOT))
                .doesNotContain("nginx", "spring", "tomcat", "jetty", "whitelabel", "jakarta", "java", "gateway");
    }
}
