package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.inquiry.FormTokens.IssuedForm;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Accepted;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Expired;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Incomplete;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.RateLimited;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Robot;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.TooQuick;
import com.thrivecenter.clinic.inquiry.InquiryOutcome.Unavailable;
import com.thrivecenter.clinic.inquiry.notification.NotificationKind;
import com.thrivecenter.clinic.inquiry.notification.NotificationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides what becomes of a sent contact form, in this order: a filled honeypot is a robot; a missing or altered
 * form token has expired; a form sent sooner than a person could fill it in is too quick; then the fields must be
 * valid; then the sender's rate limit is checked and the inquiry stored with its pending notifications, in one
 * transaction, or not at all.
 */
@Service
public class InquiryService {

    private static final Logger log = LoggerFactory.getLogger(InquiryService.class);
    private static final int TRIES = 5;

    private final InquiryRepository inquiries;
    private final NotificationRepository notifications;
    private final ReferenceGenerator references;
    private final FormTokens formTokens;
    private final Signer signer;
    private final TransactionTemplate transaction;
    private final InquiryProperties properties;
    private final Clock clock;

    public InquiryService(
            InquiryRepository inquiries,
            NotificationRepository notifications,
            ReferenceGenerator references,
            FormTokens formTokens,
            Signer signer,
            TransactionTemplate transaction,
            InquiryProperties properties,
            Clock clock) {
        this.inquiries = inquiries;
        this.notifications = notifications;
        this.references = references;
        this.formTokens = formTokens;
        this.signer = signer;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    public InquiryOutcome submit(SentForm sent) {
        InquiryForm form = sent.form();
        if (form.isHoneypotFilled()) {
            // Tell a robot it worked, and keep nothing.
            return new Robot(references.next());
        }
        Optional<IssuedForm> issued = formTokens.read(form.getFormToken());
        if (issued.isEmpty()) {
            return new Expired();
        }
        if (Duration.between(issued.get().shownAt(), clock.instant()).compareTo(properties.minFillTime()) < 0) {
            return new TooQuick();
        }
        if (!sent.fieldsValid()) {
            return new Incomplete();
        }
        String clientHash = signer.sign("client:" + sent.clientAddress());
        try {
            return store(NewInquiry.from(form, issued.get().submissionKey(), clock.instant(), clientHash));
        } catch (DataAccessException | TransactionException e) {
            // The exception's message may quote what was typed: only its kind is logged.
            log.warn(
                    "Could not store an inquiry ({}); the form was shown again",
                    e.getClass().getSimpleName());
            return new Unavailable();
        }
    }

    /**
     * Stores the inquiry, unless its sender has reached the rate limit. Counting and storing are one step: the
     * transaction first locks the sender's row, so concurrent inquiries from one sender wait for each other and
     * exactly {@code rateLimitMax} get through. The same form sent twice (a double click) is stored once, and both
     * sends get the same reference.
     */
    InquiryOutcome store(NewInquiry inquiry) {
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
        insertWithNotifications(inquiry, reference);
        return new Accepted(reference);
    }

    private void insertWithNotifications(NewInquiry inquiry, String reference) {
        long id = inquiries.insert(inquiry, reference);
        notifications.insertPending(id, NotificationKind.STAFF, inquiry.receivedAt());
        if (properties.acknowledge()) {
            notifications.insertPending(id, NotificationKind.ACKNOWLEDGEMENT, inquiry.receivedAt());
        }
    }
}
