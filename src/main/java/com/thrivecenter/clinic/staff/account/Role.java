package com.thrivecenter.clinic.staff.account;

/**
 * STAFF answer inquiries and look after pages; CLINICIAN also approve pages as medically reviewed; ADMIN also manage
 * accounts, read the audit log and export.
 */
public enum Role {
    STAFF("Staff", "inquiries and content"),
    CLINICIAN("Clinician", "also approves medical pages"),
    ADMIN("Administrator", "also accounts, audit log and export");

    private final String label;
    private final String scope;

    Role(String label, String scope) {
        this.label = label;
        this.scope = scope;
    }

    /** As staff read it. */
    public String label() {
        return label;
    }

    /** What the role may do, in a few words, for whoever chooses it. */
    public String scope() {
        return scope;
    }
}
