package com.thrivecenter.clinic.staff.account;

/** STAFF answer inquiries and look after pages; ADMIN also manage accounts, read the audit log and export. */
public enum Role {
    STAFF, ADMIN
}
