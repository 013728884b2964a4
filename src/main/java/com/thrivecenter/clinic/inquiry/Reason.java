package com.thrivecenter.clinic.inquiry;

/** What the patient would like help with; the only detail of an inquiry that staff mail carries. */
public enum Reason {
    MIGRAINE("Migraine"),
    FIBROMYALGIA("Fibromyalgia"),
    CRPS("Complex regional pain syndrome (CRPS)"),
    RESTLESS_LEGS("Restless legs syndrome"),
    MENTAL_HEALTH("Depression or other mental health"),
    OTHER("Something else");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
