package com.thrivecenter.clinic.inquiry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything a patient sent, with the notes staff have added since. */
public record InquiryDetails(
        String reference,
        Instant receivedAt,
        InquiryStatus status,
        String name,
        String email,
        String phone,
        ContactMethod contactMethod,
        Reason reason,
        String message,
        List<PreferredTime> preferredTimes,
        Optional<Boolean> referredByPhysician,
        List<Note> notes) {

    /** An internal note, with who wrote it and when. */
    public record Note(String author, Instant createdAt, String body) {}
}
