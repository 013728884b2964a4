package com.thrivecenter.clinic.inquiry;

/** How the patient would like the clinic to reach them. */
public enum ContactMethod {
    PHONE("Phone call"),
    EMAIL("Email"),
    TEXT("Text message");

    private final String label;

    ContactMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
