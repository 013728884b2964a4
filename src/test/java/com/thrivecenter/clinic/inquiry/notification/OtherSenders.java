package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.MailServer;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes senders beside the site's own, from its parts: another instance's, or one with other settings. Their thread
 * pools end with the test's application context, as the site's own sender's does.
 */
@TestComponent
class OtherSenders implements DisposableBean {

    private final NotificationRepository repository;
    private final NotificationMail mail;
    private final MailServer mailServer;
    private final InquiryProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<NotificationSender> made = new CopyOnWriteArrayList<>();

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
        NotificationSender sender = new NotificationSender(
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
        made.add(sender);
        return sender;
    }

    @Override
    public void destroy() {
        made.forEach(NotificationSender::destroy);
    }
}
