package com.thrivecenter.clinic.inquiry;

import java.time.Instant;

/** A line of the staff inbox. */
public record InquirySummary(
        String reference, Instant receivedAt, Reason reason, InquiryStatus status, ContactMethod contactMethod) {}
