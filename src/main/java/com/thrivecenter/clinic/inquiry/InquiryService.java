package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.inquiry.InquiryOutcome.Accepted;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.RateLimited;
import com.thrivecenter.clinic.inquiry.notification.NotificationKind;
import com.thrivecenter.clinic.inquiry.notification.NotificationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepts inquiries: each is stored with its pending notifications in one transaction, or not at all. */
@Service
public class InquiryService {

    private static final Logger log = LoggerFactory.getLogger(InquiryService.class);
    private static final int TRIES = 5;

    private final InquiryRepository inquiries;
    private final NotificationRepository notifications;
    private final ReferenceGenerator references;
    private final TransactionTemplate transaction;
    private final InquiryProperties properties;
    private final Clock clock;

    public InquiryService(InquiryRepository inquiries, NotificationRepository notifications,
            ReferenceGenerator references, TransactionTemplate transaction, InquiryProperties properties, Clock clock) {
        this.inquiries = inquiries;
        this.notifications = notifications;
        this.references = references;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the inquiry, unless its sender has reached the rate limit. Counting and storing are one step: the
     * transaction first locks the sender's row, so concurrent inquiries from one sender wait for each other and
     * exactly {@code rateLimitMax} get through. The same form sent twice (a double click) is stored once, and both
     * sends get the same reference.
     */
    public InquiryOutcome submit(NewInquiry inquiry) {
        for (int attempt = 1; ; attempt++) {
            try {
                InquiryOutcome outcome = transaction.execute(status -> submitLocked(inquiry));
                if (outcome instanceof Accepted accepted) {
                    log.info("Stored inquiry {}", accepted.reference());
                }
                return outcome;
            } catch (DuplicateKeyException e) {
                // A concurrent first inquiry of the same sender created its row, a concurrent send of the same
                // form stored it, or the random reference was taken: the next turn settles each.
                if (attempt == TRIES) {
                    throw e;
                }
            }
        }
    }

    private InquiryOutcome submitLocked(NewInquiry inquiry) {
        if (!inquiries.touchClient(inquiry.clientHash(), inquiry.receivedAt())) {
            inquiries.insertClient(inquiry.clientHash(), inquiry.receivedAt());
        }
        Optional<String> existing = inquiries.findReferenceBySubmissionKey(inquiry.submissionKey());
        if (existing.isPresent()) {
            return new Accepted(existing.get());
        }
        Instant windowStart = clock.instant().minus(properties.rateLimitWindow());
        if (inquiries.countFromClientSince(inquiry.clientHash(), windowStart) >= properties.rateLimitMax()) {
            return new RateLimited();
        }
        String reference = references.next();
        store(inquiry, reference);
        return new Accepted(reference);
    }

    private void store(NewInquiry inquiry, String reference) {
        long id = inquiries.insert(inquiry, reference);
        notifications.insertPending(id, NotificationKind.STAFF, inquiry.receivedAt());
        if (properties.acknowledge()) {
            notifications.insertPending(id, NotificationKind.ACKNOWLEDGEMENT, inquiry.receivedAt());
        }
    }
}
