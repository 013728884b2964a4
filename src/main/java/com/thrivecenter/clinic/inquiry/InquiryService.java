package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.inquiry.notification.NotificationKind;
import com.thrivecenter.clinic.inquiry.notification.NotificationRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepts inquiries: each is stored with its pending notifications in one transaction, or not at all. */
@Service
public class InquiryService {

    private static final Logger log = LoggerFactory.getLogger(InquiryService.class);
    private static final int REFERENCE_TRIES = 5;

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

    /** Whether this client (a keyed hash of its address) has already sent as many inquiries as the window allows. */
    public boolean isOverRateLimit(String clientHash) {
        return inquiries.countFromClientSince(clientHash, clock.instant().minus(properties.rateLimitWindow()))
                >= properties.rateLimitMax();
    }

    /**
     * Stores the inquiry and returns its reference. The same form sent twice (a double click) is stored once,
     * and both sends get the same reference.
     */
    public String submit(NewInquiry inquiry) {
        for (int attempt = 1; ; attempt++) {
            var existing = inquiries.findReferenceBySubmissionKey(inquiry.submissionKey());
            if (existing.isPresent()) {
                return existing.get();
            }
            String reference = references.next();
            try {
                transaction.executeWithoutResult(status -> store(inquiry, reference));
                log.info("Stored inquiry {}", reference);
                return reference;
            } catch (DuplicateKeyException e) {
                // Either the same form is being stored by a concurrent request (found above on the next turn),
                // or the random reference was taken: try another.
                if (attempt == REFERENCE_TRIES) {
                    throw e;
                }
            }
        }
    }

    private void store(NewInquiry inquiry, String reference) {
        long id = inquiries.insert(inquiry, reference);
        notifications.insertPending(id, NotificationKind.STAFF, inquiry.receivedAt());
        if (properties.acknowledge()) {
            notifications.insertPending(id, NotificationKind.ACKNOWLEDGEMENT, inquiry.receivedAt());
        }
    }
}
