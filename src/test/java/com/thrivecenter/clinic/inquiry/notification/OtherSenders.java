package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.MailServer;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import java.time.Clock;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes senders beside the site's own, from its parts: another instance's, or one with other settings. */
@TestComponent
class OtherSenders {

    private final NotificationRepository repository;
    private final NotificationMail mail;
    private final MailServer mailServer;
    private final InquiryProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OtherSenders(
            NotificationRepository repository,
            NotificationMail mail,
            MailServer mailServer,
            InquiryProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.mail = mail;
        this.mailServer = mailServer;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Another instance's sender on the same database, with the same settings. */
    NotificationSender anotherInstance() {
        return withSenders(properties.senders());
    }

    /** A sender that sends over that many SMTP connections at once. */
    NotificationSender withSenders(int senders) {
        InquiryProperties p = properties;
        return new NotificationSender(
                repository,
                mail,
                mailServer,
                new InquiryProperties(
                        p.notifyTo(),
                        p.mailFrom(),
                        p.acknowledge(),
                        p.minFillTime(),
                        p.rateLimitMax(),
                        p.rateLimitWindow(),
                        p.secret(),
                        p.retryDelay(),
                        p.pollInterval(),
                        senders),
                transaction,
                clock);
    }
}
