package com.thrivecenter.clinic.inquiry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A valid inquiry, tidied, ready to store. */
public record NewInquiry(
        String submissionKey,
        Instant receivedAt,
        String name,
        String email,
        String phone,
        ContactMethod contactMethod,
        Reason reason,
        String message,
        List<PreferredTime> preferredTimes,
        Optional<Boolean> referredByPhysician,
        String clientHash) {

    static NewInquiry from(InquiryForm form, String submissionKey, Instant receivedAt, String clientHash) {
        return new NewInquiry(
                submissionKey,
                receivedAt,
                form.getName().strip(),
                form.getEmail().strip(),
                form.getPhone().strip(),
                form.getContactMethod(),
                form.getReason(),
                form.getMessage() == null ? "" : form.getMessage().strip(),
                form.getPreferredTimes().stream().distinct().toList(),
                Optional.ofNullable(form.getReferredByPhysician()),
                clientHash);
    }
}
