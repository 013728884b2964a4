package com.thrivecenter.clinic.inquiry.notification;

/** Who a notification goes to. */
public enum NotificationKind {
    /** The clinic's inquiries mailbox. */
    STAFF,
    /** The patient's receipt, when the clinic turns it on. */
    ACKNOWLEDGEMENT
}
