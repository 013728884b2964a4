package com.thrivecenter.clinic.inquiry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for inquiries (env CLINIC_INQUIRIES_NOTIFY_TO and so on).
 *
 * @param notifyTo        the staff mailbox told of each new inquiry (blank: the clinic's email, clinic.email)
 * @param mailFrom        the sender address of the site's mail (blank: the clinic's email)
 * @param acknowledge     whether the patient gets a short receipt by email (it carries no health details)
 * @param minFillTime     a form sent sooner than this after it was shown is treated as a robot's, and asked again
 * @param rateLimitMax    how many inquiries one network address may send within the rate-limit window
 * @param rateLimitWindow the window of that limit
 * @param secret          signs form tokens and hashes client addresses; set the same value on every instance when
 *                        several share a database (blank: a random one, made once and kept in the data folder)
 * @param retryDelay      the wait before the first retry of a failed notification; it doubles on each failure
 * @param pollInterval    how often pending notifications are looked for
 * @param senders         how many notifications are sent at once, each over its own SMTP connection
 */
@ConfigurationProperties("clinic.inquiries")
public record InquiryProperties(
        @DefaultValue("") String notifyTo,
        @DefaultValue("") String mailFrom,
        @DefaultValue("false") boolean acknowledge,
        @DefaultValue("3s") Duration minFillTime,
        @DefaultValue("5") int rateLimitMax,
        @DefaultValue("10m") Duration rateLimitWindow,
        @DefaultValue("") String secret,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2") int senders) {

    public InquiryProperties {
        if (rateLimitMax < 1) {
            throw new IllegalArgumentException(
                    "clinic.inquiries.rate-limit-max must be 1 or more, not " + rateLimitMax);
        }
        if (senders < 1) {
            throw new IllegalArgumentException("clinic.inquiries.senders must be 1 or more, not " + senders);
        }
    }

    /** Where new inquiries are announced: {@code notifyTo}, or else the clinic's own address. */
    public String staffMailbox(String clinicEmail) {
        return notifyTo.isBlank() ? clinicEmail : notifyTo;
    }

    /** The sender of the site's mail: {@code mailFrom}, or else the clinic's own address. */
    public String sender(String clinicEmail) {
        return mailFrom.isBlank() ? clinicEmail : mailFrom;
    }
}
