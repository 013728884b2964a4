package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.inquiry.InquiryProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends pending notifications. A failed send stays pending and is retried after a delay that doubles each
 * time (capped at an hour), so mail sent while SMTP was down arrives once it is back.
 */
@Component
public class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final Duration CLAIM_FOR = Duration.ofMinutes(2);
    private static final Duration LONGEST_DELAY = Duration.ofHours(1);
    private static final int BATCH = 20;

    private final NotificationRepository notifications;
    private final NotificationMail mail;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final InquiryProperties properties;
    private final Clock clock;

    public NotificationSender(NotificationRepository notifications, NotificationMail mail,
            ObjectProvider<JavaMailSender> mailSender, InquiryProperties properties, Clock clock) {
        this.notifications = notifications;
        this.mail = mail;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${clinic.inquiries.poll-interval:5s}", initialDelayString = "${clinic.inquiries.poll-interval:5s}")
    public void sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.debug("No SMTP server configured (spring.mail.host); notifications stay pending");
            return;
        }
        for (DueNotification notification : notifications.claimDue(clock.instant(), CLAIM_FOR, BATCH)) {
            send(sender, notification);
        }
    }

    private void send(JavaMailSender sender, DueNotification notification) {
        try {
            sender.send(mail.write(notification));
            notifications.markSent(notification, clock.instant());
            log.info("Sent {} notification for inquiry {}", notification.kind(), notification.reference());
        } catch (MailException e) {
            Instant retryAt = clock.instant().plus(delayAfter(notification.attempts() + 1));
            // The exception's class says enough; its message may quote addresses.
            notifications.markFailed(notification, retryAt, e.getClass().getSimpleName());
            log.warn("Could not send {} notification for inquiry {} ({}); retrying at {}",
                    notification.kind(), notification.reference(), e.getClass().getSimpleName(), retryAt);
        }
    }

    private Duration delayAfter(int failures) {
        Duration delay = properties.retryDelay().multipliedBy(1L << Math.min(failures - 1, 16));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }
}
