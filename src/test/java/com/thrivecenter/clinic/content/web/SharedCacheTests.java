package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.FixtureSiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A shared cache in front of the instances keeps a page only briefly; browsers keep it as long as before. */
@FixtureSiteTest
class SharedCacheTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aPageMayBeKeptFiveMinutesByBrowsersButFiveSecondsByASharedCache() {
        assertThat(mvc.get().uri("/faq")).hasStatusOk().hasHeader("Cache-Control", "max-age=300, public, s-maxage=5");
    }
}
