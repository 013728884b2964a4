package com.thrivecenter.clinic.inquiry;

/** What became of a contact form that was sent: stored, or why not. Only {@link Accepted} stored anything. */
public sealed interface InquiryOutcome {

    /** It is stored (now, or by an earlier send of the same form) under this reference. */
    record Accepted(String reference) implements InquiryOutcome {}

    /** The honeypot was filled in: a robot, to be thanked with a reference that stands for nothing. */
    record Robot(String decoyReference) implements InquiryOutcome {}

    /** The form's signed token is missing, altered or made up. */
    record Expired() implements InquiryOutcome {}

    /** The form was sent sooner after it was shown than a person can fill it in. */
    record TooQuick() implements InquiryOutcome {}

    /** The form passed every check on its sender, but some fields need correcting. */
    record Incomplete() implements InquiryOutcome {}

    /** Its sender has already sent as many inquiries as the window allows. */
    record RateLimited() implements InquiryOutcome {}

    /** The database could not be reached or failed part way; the transaction left nothing behind. */
    record Unavailable() implements InquiryOutcome {}
}
