package com.thrivecenter.clinic.inquiry.notification;

import java.time.Instant;

/**
 * Mail to staff (or patients' receipts) cannot be sent.
 *
 * @param since   when the oldest mail that failed was due
 * @param waiting how many mails wait to be sent
 */
public record MailProblem(Instant since, int waiting) {}
