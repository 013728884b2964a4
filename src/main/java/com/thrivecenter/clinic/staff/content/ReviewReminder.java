package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.MailServer;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import com.thrivecenter.clinic.staff.account.Role;
import com.thrivecenter.clinic.staff.account.StaffAccount;
import com.thrivecenter.clinic.staff.account.StaffAccountRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a week, mails every enabled clinician the pages waiting for their review: changed since approved, falling
 * due, never approved. Titles and addresses only; nothing else goes in the mail. Nothing is sent when there is
 * nothing to list.
 */
@Component
public class ReviewReminder {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminder.class);

    private final ContentRepository content;
    private final PageReviews reviews;
    private final StaffAccountRepository accounts;
    private final MailServer mailServer;
    private final ClinicProperties clinic;
    private final InquiryProperties mail;
    private final LockingTaskExecutor locks;

    public ReviewReminder(
            ContentRepository content,
            PageReviews reviews,
            StaffAccountRepository accounts,
            MailServer mailServer,
            ClinicProperties clinic,
            InquiryProperties mail,
            LockingTaskExecutor locks) {
        this.content = content;
        this.reviews = reviews;
        this.accounts = accounts;
        this.mailServer = mailServer;
        this.clinic = clinic;
        this.mail = mail;
        this.locks = locks;
    }

    // The schedule and the clinic's time zone from the settings records themselves, their defaults included. One
    // mail per clinician however many instances run: the lock is held at least five minutes, so an instance whose
    // clock is a few seconds behind finds it taken.
    @Scheduled(
            cron = "#{@'clinic.staff-com.thrivecenter.clinic.staff.StaffProperties'.reviewReminderCron()}",
            zone = "#{@'clinic.content-com.thrivecenter.clinic.content.ContentProperties'.timeZone().getId()}")
    public void remind() {
        locks.executeWithLock(
                (Runnable) this::mailTheClinicians,
                new LockConfiguration(
                        ClockProvider.now(), "review-reminder", Duration.ofMinutes(30), Duration.ofMinutes(5)));
    }

    private void mailTheClinicians() {
        List<PageReviews.PageReview> pages = reviews.of(content.current());
        String changed = list(pages, PageReviews.State.CHANGED);
        String fallingDue = list(pages, PageReviews.State.FALLING_DUE);
        String never = list(pages, PageReviews.State.NEVER);
        if (changed.isEmpty() && fallingDue.isEmpty() && never.isEmpty()) {
            return;
        }
        Optional<JavaMailSenderImpl> sender = mailServer.configured();
        if (sender.isEmpty()) {
            log.info("Pages wait for a clinician's review, but no SMTP server is set (spring.mail.host) to say so");
            return;
        }
        String text = "Pages of the website wait for a clinician's review.\n"
                + section(
                        "Changed since a clinician approved them (they no longer say \"Medically reviewed\"):", changed)
                + section("Approved long ago, so falling due for another review:", fallingDue)
                + section("Not approved by a clinician yet:", never)
                + "\nRead what changed and approve each page under Content in the staff area: "
                + clinic.absoluteUrl("/staff/content") + "\n";
        List<String> clinicians = accounts.findAll().stream()
                .filter(account -> account.enabled() && account.role() == Role.CLINICIAN)
                .map(StaffAccount::email)
                .toList();
        int sent = 0;
        for (String clinician : clinicians) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(mail.sender(clinic.email()));
            message.setTo(clinician);
            message.setSubject("Pages waiting for your medical review");
            message.setText(text);
            try {
                sender.get().send(message);
                sent++;
            } catch (MailException e) {
                // Next week's reminder lists the same pages again.
                log.warn("The review reminder could not be sent to a clinician: {}", e.getMessage());
            }
        }
        log.info("Sent the review reminder to {} of {} clinicians", sent, clinicians.size());
    }

    private String list(List<PageReviews.PageReview> pages, PageReviews.State state) {
        StringBuilder lines = new StringBuilder();
        pages.stream().filter(page -> page.state() == state).forEach(page -> lines.append("- ")
                .append(page.page().title())
                .append(": ")
                .append(clinic.absoluteUrl(page.page().url()))
                .append('\n'));
        return lines.toString();
    }

    private static String section(String heading, String lines) {
        return lines.isEmpty() ? "" : "\n" + heading + "\n" + lines;
    }
}
