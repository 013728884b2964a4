package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.FrontMatter.MedicalReview;
import com.thrivecenter.clinic.content.Page;
import java.time.LocalDate;
import java.util.Optional;

/** A line of the content-health table: a page and where its medical review stands. */
public record PageHealth(
        String url, String title, String file, boolean draft, Optional<MedicalReview> review, ReviewState reviewState) {

    public enum ReviewState {
        CURRENT,
        OVERDUE,
        NEVER
    }

    static PageHealth of(Page page, LocalDate reviewDueBefore) {
        Optional<MedicalReview> review = page.meta().review();
        ReviewState state = review.map(
                        r -> r.date().isBefore(reviewDueBefore) ? ReviewState.OVERDUE : ReviewState.CURRENT)
                .orElse(ReviewState.NEVER);
        return new PageHealth(page.url(), page.title(), page.file(), page.meta().draft(), review, state);
    }
}
