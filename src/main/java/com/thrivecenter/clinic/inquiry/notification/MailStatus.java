package com.thrivecenter.clinic.inquiry.notification;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether notification mail is failing, for the staff area. Read from the outbox itself, so every instance of
 * the site tells the same story, whichever one tried to send.
 */
@Component
public class MailStatus {

    private final NotificationRepository notifications;

    public MailStatus(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public Optional<MailProblem> problem() {
        return notifications.problem();
    }
}
