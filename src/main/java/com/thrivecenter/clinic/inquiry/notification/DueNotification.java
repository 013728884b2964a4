package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.inquiry.Reason;
import java.time.Instant;

/** A notification locked by one sender, with what its mail needs. */
record DueNotification(
        long id,
        NotificationKind kind,
        int attempts,
        String reference,
        Reason reason,
        Instant receivedAt,
        String patientEmail) {}
