package com.thrivecenter.clinic.inquiry;

/** Where staff are with an inquiry. */
public enum InquiryStatus {
    NEW("New"),
    CONTACTED("Contacted"),
    SCHEDULED("Scheduled"),
    CLOSED("Closed"),
    SPAM("Spam");

    private final String label;

    InquiryStatus(String label) {
        this.label = label;
    }

    /** As staff read it. */
    public String label() {
        return label;
    }
}
