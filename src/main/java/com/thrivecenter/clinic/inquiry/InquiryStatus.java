package com.thrivecenter.clinic.inquiry;

/** Where staff are with an inquiry. */
public enum InquiryStatus {
    NEW, CONTACTED, SCHEDULED, CLOSED, SPAM
}
