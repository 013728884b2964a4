package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.FrontMatter.Schedule;
import com.thrivecenter.clinic.content.MedicalReview;
import com.thrivecenter.clinic.content.Page;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * A line of the content-health table: a page, whether it is on the website, and where its medical review stands
 * ({@code review} is the review the page claims, present only while its body is the one approved).
 */
public record PageHealth(
        String url,
        String title,
        String file,
        String state,
        PageReviews.State reviewState,
        Optional<MedicalReview> review) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a", Locale.ENGLISH);

    static PageHealth of(PageReviews.PageReview reviewed, LocalDateTime now) {
        Page page = reviewed.page();
        return new PageHealth(page.url(), page.title(), page.file(), state(page, now), reviewed.state(), page.review());
    }

    /** Draft, scheduled (with its time), expired (since when) or published, in the clinic's time. */
    private static String state(Page page, LocalDateTime now) {
        Schedule schedule = page.meta().schedule();
        if (page.meta().draft()) {
            return "Draft";
        }
        if (schedule.publish().filter(now::isBefore).isPresent()) {
            return "Scheduled for " + WHEN.format(schedule.publish().get());
        }
        if (schedule.expires().filter(until -> !now.isBefore(until)).isPresent()) {
            return "Expired " + WHEN.format(schedule.expires().get());
        }
        return schedule.expires()
                .map(until -> "Published until " + WHEN.format(until))
                .orElse("Published");
    }
}
