package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.content.ContentRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The error page's title and heading say the same thing for every status the site answers with. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPageTextIT {

    @Autowired
    ErrorPageRenderer renderer;

    @Autowired
    ContentRepository content;

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 403, 404, 405, 408, 413, 429, 500, 503})
    void theTitleIsTheHeading(int status) {
        Document page = Jsoup.parse(renderer.render(content.current(), status));

        String heading = page.select("main h1").text();
        assertThat(heading).isNotBlank();
        assertThat(page.title()).isEqualTo(heading + " · Thrive Center for Health");
    }

    @Test
    void theGeneralUnavailablePageSaysTheSiteIsUnavailableNotThatAnInquiryFailed() {
        Document page = Jsoup.parse(renderer.render(content.current(), 503));

        assertThat(page.select("main h1").text()).containsIgnoringCase("not available");
        assertThat(page.select("main article").text()).doesNotContainIgnoringCase("your inquiry");
    }
}
