package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.FixtureSiteTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every page type and block, from the fixtures (the clinic's own content does not use them all yet), passes the
 * Nu HTML validator: a landing page, questions, an "Our team" page, a clinician profile and "Visit us".
 */
@FixtureSiteTest
class PageTypesValidHtmlTests {

    private static final NuHtmlValidator VALIDATOR = new NuHtmlValidator();

    @Autowired
    MockMvcTester mvc;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/faq", "/migraine/stages", "/team", "/team/test-clinician", "/visit"})
    void eachPageTypeIsValidHtml(String path) {
        MvcTestResult page = mvc.get().uri(path).exchange();

        assertThat(page).hasStatusOk();
        assertThat(VALIDATOR.errors(new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
