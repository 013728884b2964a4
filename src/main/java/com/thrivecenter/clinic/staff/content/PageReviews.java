package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.Approvals;
import com.thrivecenter.clinic.content.Approvals.Approval;
import com.thrivecenter.clinic.content.ContentProperties;
import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.staff.StaffProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where each page's medical review stands: approved and current, approved but falling due, changed since its
 * approval (the page no longer claims the review), or never approved.
 */
@Component
public class PageReviews {

    public enum State {
        CURRENT,
        FALLING_DUE,
        CHANGED,
        NEVER
    }

    /** A page, where its review stands, and its last approval if it has one. */
    public record PageReview(Page page, State state, Optional<Approval> approval) {}

    private final Approvals approvals;
    private final StaffProperties properties;
    private final ContentProperties content;
    private final Clock clock;

    public PageReviews(Approvals approvals, StaffProperties properties, ContentProperties content, Clock clock) {
        this.approvals = approvals;
        this.properties = properties;
        this.content = content;
        this.clock = clock;
    }

    /** Every page of the snapshot, drafts included (a clinician may approve a page before it is published). */
    public List<PageReview> of(ContentSnapshot snapshot) {
        LocalDate dueBefore = LocalDate.now(clock.withZone(content.timeZone())).minus(properties.reviewDue());
        return snapshot.allPages().stream()
                .map(page -> {
                    Optional<Approval> approval = approvals.lastApproval(page.file());
                    return new PageReview(page, state(page, approval, dueBefore), approval);
                })
                .toList();
    }

    private static State state(Page page, Optional<Approval> approval, LocalDate dueBefore) {
        if (approval.isEmpty()) {
            return State.NEVER;
        }
        // The page claims the review only while its body is the one approved.
        return page.review()
                .map(review -> review.date().isBefore(dueBefore) ? State.FALLING_DUE : State.CURRENT)
                .orElse(State.CHANGED);
    }
}
