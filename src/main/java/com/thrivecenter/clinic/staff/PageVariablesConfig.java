package com.thrivecenter.clinic.staff;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.content.PageVariables;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The values of the page variables: the clinic's details, and how long inquiries are kept (the staff area's
 * nightly deletion), so the privacy page always states the period the site really applies.
 */
@Configuration
class PageVariablesConfig {

    /** What a page says about cost while the clinic has set no prices: never a figure of our own. */
    static final String ASK_US = "Ask us: we tell you the cost before you book any treatment.";

    @Bean
    PageVariables pageVariables(ClinicProperties clinic, StaffProperties staff) {
        return new PageVariables(Map.of(
                "clinic", clinic.name(),
                "phone", clinic.phone(),
                "tel", clinic.phoneHref(),
                "email", clinic.email(),
                "address", clinic.address(),
                "hours", clinic.hours(),
                "prices", clinic.prices().isBlank() ? ASK_US : clinic.prices().strip(),
                "drive-after", clinic.driveAfter(),
                "retention", inWords(staff.retention())));
    }

    /** "one year", "2 years", "90 days", "12 hours": a period as the privacy page says it, exact to the hour. */
    static String inWords(Duration period) {
        long days = period.toDays();
        if (days >= 365 && days % 365 == 0) {
            return days == 365 ? "one year" : days / 365 + " years";
        }
        if (days >= 1 && period.equals(Duration.ofDays(days))) {
            return days == 1 ? "one day" : days + " days";
        }
        long hours = Math.max(1, period.toHours());
        return hours == 1 ? "one hour" : hours + " hours";
    }
}
