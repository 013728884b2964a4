package com.thrivecenter.clinic.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.thrivecenter.clinic.FixtureSiteTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The sign-in page states the lockout that the configured settings impose, not a number of its own. */
@FixtureSiteTest
class StaffLoginPageTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aFailedSignInStatesTheConfiguredLockout() throws Exception {
        String html = mvc.perform(get("/staff/login").param("error", ""))
                .getMvcResult()
                .getResponse()
                .getContentAsString();

        assertThat(Jsoup.parse(html).select("#error-summary p").text())
                .isEqualTo(
                        "Check your email address and password and try again. After 3 wrong passwords in a row, an account is"
                                + " locked for 1 hour.");
    }
}
