package com.thrivecenter.clinic.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which inquiries staff want to see: by status, by when they arrived (from the first instant, before the second),
 * and by reference, exact email, phone or name.
 */
public record InquiryFilter(
        Optional<InquiryStatus> status,
        Optional<String> search,
        Optional<Instant> receivedFrom,
        Optional<Instant> receivedBefore) {

    public static InquiryFilter of(InquiryStatus status, String search) {
        return new InquiryFilter(Optional.ofNullable(status), searchText(search), Optional.empty(), Optional.empty());
    }

    /** Received on the days {@code from} to {@code to}, both included, as days in the given time zone. */
    public static InquiryFilter of(InquiryStatus status, String search, LocalDate from, LocalDate to, ZoneId zone) {
        return new InquiryFilter(
                Optional.ofNullable(status),
                searchText(search),
                Optional.ofNullable(from).map(day -> day.atStartOfDay(zone).toInstant()),
                Optional.ofNullable(to)
                        .map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static Optional<String> searchText(String search) {
        return Optional.ofNullable(search).map(String::strip).filter(text -> !text.isEmpty());
    }
}
