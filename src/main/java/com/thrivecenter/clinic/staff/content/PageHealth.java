package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.FrontMatter.MedicalReview;
import com.thrivecenter.clinic.content.FrontMatter.Schedule;
import com.thrivecenter.clinic.content.Page;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** A line of the content-health table: a page, whether it is on the website, and where its medical review stands. */
public record PageHealth(
        String url, String title, String file, String state, Optional<MedicalReview> review, ReviewState reviewState) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a", Locale.ENGLISH);

    public enum ReviewState {
        CURRENT,
        OVERDUE,
        NEVER
    }

    static PageHealth of(Page page, LocalDate reviewDueBefore, LocalDateTime now) {
        Optional<MedicalReview> review = page.meta().review();
        ReviewState state = review.map(
                        r -> r.date().isBefore(reviewDueBefore) ? ReviewState.OVERDUE : ReviewState.CURRENT)
                .orElse(ReviewState.NEVER);
        return new PageHealth(page.url(), page.title(), page.file(), state(page, now), review, state);
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
