package com.thrivecenter.clinic.inquiry;

/**
 * A contact form as it arrived: what it says, whether its fields passed validation (the controller's part), and
 * the address it came from, which is only ever kept as a keyed hash.
 */
public record SentForm(InquiryForm form, boolean fieldsValid, String clientAddress) {}
