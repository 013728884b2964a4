package com.thrivecenter.clinic.inquiry;

import java.util.Optional;

/** Which inquiries staff want to see: by status, and by reference or name. */
public record InquiryFilter(Optional<InquiryStatus> status, Optional<String> search) {

    public static InquiryFilter of(InquiryStatus status, String search) {
        return new InquiryFilter(
                Optional.ofNullable(status),
                Optional.ofNullable(search).map(String::strip).filter(text -> !text.isEmpty()));
    }
}
