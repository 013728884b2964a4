package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.MailServer;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending notifications until none is due, on {@code clinic.inquiries.senders} threads at once: a burst goes
 * out as fast as the SMTP server takes it, each thread over its own SMTP connection, opened at its first mail and
 * closed when nothing more is due, on a failure and at shutdown. (A sender spends much of a mail waiting on the
 * SMTP server and the database, so two send faster than one; see bench/form.sh.) A thread locks a few due mails'
 * rows, sends them and writes their outcomes in one transaction, so no two threads or instances send the same
 * mail, and a mail is sent twice only if the process dies between the SMTP server accepting it and that commit.
 * A failed send stays pending and is retried after a delay that doubles each time (capped at an hour), so mail
 * sent while SMTP was down arrives once it is back; the log says so once when mail starts failing and once
 * when it works again.
 */
@Component
public class NotificationSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final Duration LONGEST_DELAY = Duration.ofHours(1);
    /**
     * Mails sent and recorded in one transaction: one commit, and one search for due mail, serve them all (a commit
     * that the database makes durable costs more than the rest of a mail's record). The price: a process that dies
     * before the commit has its sender's mails of that transaction, up to this many, sent again.
     */
    public static final int MAILS_PER_TRANSACTION = 8;

    private static final String POLL_INTERVAL_MILLIS =
            "#{@'clinic.inquiries-com.thrivecenter.clinic.inquiry.InquiryProperties'.pollInterval().toMillis()}";

    private enum Outcome {
        SENT,
        FAILED,
        NOTHING_DUE
    }

    private final NotificationRepository notifications;
    private final NotificationMail mail;
    private final MailServer mailServer;
    private final InquiryProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** The senders beside the scheduler's own thread. */
    private final ExecutorService otherSenders;

    public NotificationSender(
            NotificationRepository notifications,
            NotificationMail mail,
            MailServer mailServer,
            InquiryProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.notifications = notifications;
        this.mail = mail;
        this.mailServer = mailServer;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("mail-sender-");
        // A run's threads are always waited for (sendDue joins them), so they need not hold the JVM up.
        threads.setDaemon(true);
        this.otherSenders = Executors.newFixedThreadPool(Math.max(1, properties.senders() - 1), threads);
    }

    // The interval from the settings record itself (its default included), not from a placeholder restating it.
    @Scheduled(fixedDelayString = POLL_INTERVAL_MILLIS, initialDelayString = POLL_INTERVAL_MILLIS)
    public void sendDue() {
        mailServer
                .configured()
                .ifPresentOrElse(
                        this::sendAllDueOnEverySender,
                        () -> log.debug("No SMTP server configured (spring.mail.host); notifications stay pending"));
    }

    private void sendAllDueOnEverySender(JavaMailSenderImpl settings) {
        List<CompletableFuture<Void>> others = Stream.generate(
                        () -> CompletableFuture.runAsync(() -> sendAllDue(settings), otherSenders))
                .limit(properties.senders() - 1L)
                .toList();
        try {
            sendAllDue(settings);
        } finally {
            // The run ends when every sender has, so no two runs overlap.
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        }
    }

    private void sendAllDue(JavaMailSenderImpl settings) {
        try (SmtpConnection smtp = new SmtpConnection(settings)) {
            // After a failure the rest waits for the next run: SMTP is most likely down for them too.
            while (!closing.get() && sendNextFew(smtp) == Outcome.SENT) {
                if (failing.compareAndSet(true, false)) {
                    log.info("Mail notifications are being sent again");
                }
            }
        }
    }

    /** The mail being sent is finished and recorded (the scheduler waits for it); no further one is started. */
    @EventListener(ContextClosedEvent.class)
    void finishWithTheCurrentMail() {
        closing.set(true);
    }

    @Override
    public void destroy() {
        otherSenders.shutdown();
    }

    /**
     * Sends the next few due mails in one transaction, stopping at a failure or at shutdown, and records the ones
     * sent with one statement.
     */
    private Outcome sendNextFew(SmtpConnection smtp) {
        return transaction.execute(status -> {
            List<DueNotification> due = notifications.lockDue(clock.instant(), MAILS_PER_TRANSACTION);
            List<DueNotification> sent = new ArrayList<>(due.size());
            Outcome outcome = due.isEmpty() ? Outcome.NOTHING_DUE : Outcome.SENT;
            // Mail not sent, at a failure or at shutdown, stays due; the commit unlocks it.
            for (DueNotification notification : due) {
                if (closing.get()) {
                    break;
                }
                if (send(smtp, notification) == Outcome.FAILED) {
                    outcome = Outcome.FAILED;
                    break;
                }
                sent.add(notification);
            }
            notifications.markSent(sent, clock.instant());
            return outcome;
        });
    }

    private Outcome send(SmtpConnection smtp, DueNotification notification) {
        try {
            SimpleMailMessage message = mail.write(notification);
            message.setSentDate(Date.from(clock.instant()));
            smtp.send(message);
            log.debug("Sent {} notification for inquiry {}", notification.kind(), notification.reference());
            return Outcome.SENT;
        } catch (MessagingException e) {
            Instant retryAt = clock.instant().plus(delayAfter(notification.attempts() + 1));
            // The exception's class says enough; its message may quote addresses.
            String error = e.getClass().getSimpleName();
            notifications.markFailed(notification, retryAt, error);
            if (failing.compareAndSet(false, true)) {
                log.warn(
                        "Mail notifications are failing ({}); they wait in the database and are retried, "
                                + "the inquiries are in the staff area",
                        error);
            }
            log.debug(
                    "Could not send {} notification for inquiry {}; retrying at {}",
                    notification.kind(),
                    notification.reference(),
                    retryAt);
            return Outcome.FAILED;
        }
    }

    private Duration delayAfter(int failures) {
        Duration delay = properties.retryDelay().multipliedBy(1L << Math.min(failures - 1, 16));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }
}
