package com.thrivecenter.clinic.inquiry;

/** What became of an inquiry sent with the form. */
public sealed interface InquiryOutcome {

    /** It is stored (now, or by an earlier send of the same form) under this reference. */
    record Accepted(String reference) implements InquiryOutcome {
    }

    /** Its sender has already sent as many inquiries as the window allows; nothing was stored. */
    record RateLimited() implements InquiryOutcome {
    }
}
