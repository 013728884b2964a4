package com.thrivecenter.clinic.staff.audit;

/** What can happen in the staff area that someone may later need to account for. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    INQUIRY_VIEWED,
    STATUS_CHANGED,
    NOTE_ADDED,
    INQUIRIES_EXPORTED,
    INQUIRIES_DELETED_BY_RETENTION,
    ACCOUNT_CREATED,
    ACCOUNT_ENABLED,
    ACCOUNT_DISABLED,
    ROLE_CHANGED,
    PASSWORD_RESET,
    IMAGE_UPLOADED,
    PAGE_SAVED,
    PAGE_RESTORED,
    PAGE_DELETED,
    PAGE_MOVED,
    OUTSIDE_CHANGES_RECORDED,
    // Clinician sign-off of medical pages
    PAGE_APPROVED,
    // Second factor for staff (issue 13, point 2)
    SECOND_FACTOR_REFUSED,
    // Patient rights (encrypted patient data): the detail holds a count and references, never what was erased.
    PATIENT_ERASED,
    PATIENT_DATA_EXPORTED,
    // The name public pages show for a clinician's approval
    DISPLAY_NAME_CHANGED,
    // Passkeys as a second factor: an administrator removed another account's passkeys and pending codes.
    STAFF_FACTORS_RESET
}
