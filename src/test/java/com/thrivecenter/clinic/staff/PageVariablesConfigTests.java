package com.thrivecenter.clinic.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retention setting as the privacy page says it: exact, in the largest unit that fits. */
class PageVariablesConfigTests {

    @Test
    void periodsAreSaidInWordsWithoutRounding() {
        assertThat(PageVariablesConfig.inWords(Duration.ofDays(365))).isEqualTo("one year");
        assertThat(PageVariablesConfig.inWords(Duration.ofDays(730))).isEqualTo("2 years");
        assertThat(PageVariablesConfig.inWords(Duration.ofDays(90))).isEqualTo("90 days");
        assertThat(PageVariablesConfig.inWords(Duration.ofDays(1))).isEqualTo("one day");
        assertThat(PageVariablesConfig.inWords(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(PageVariablesConfig.inWords(Duration.ofMinutes(30))).isEqualTo("one hour");
    }
}
