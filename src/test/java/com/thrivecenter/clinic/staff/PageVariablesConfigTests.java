package com.thrivecenter.clinic.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.content.PageVariables;
import java.net.URI;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The settings as pages say them: retention exact in the largest unit that fits, prices only as configured. */
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

    private static PageVariables variables(String prices) {
        return new PageVariablesConfig()
                .pageVariables(
                        new ClinicProperties(
                                "Clinic",
                                "+1 (555) 010-0100",
                                "a@clinic.example",
                                "1 Road",
                                "Weekdays",
                                "Mo-Fr 09:00-17:00",
                                URI.create("https://clinic.example"),
                                prices,
                                "the next morning"),
                        new StaffProperties(
                                "admin@clinic.example",
                                "",
                                5,
                                Duration.ofMinutes(15),
                                Duration.ofDays(730),
                                "",
                                Period.ofMonths(12),
                                "0 0 8 * * MON"));
    }

    @Test
    void pagesNeverStateAPriceTheClinicDidNotSet() {
        assertThat(variables("  ").values()).containsEntry("prices", PageVariablesConfig.ASK_US);
        assertThat(variables(" A consultation costs $250. ").values())
                .containsEntry("prices", "A consultation costs $250.")
                .containsEntry("tel", "tel:+15550100100")
                .containsEntry("drive-after", "the next morning")
                .containsEntry("retention", "2 years");
    }
}
