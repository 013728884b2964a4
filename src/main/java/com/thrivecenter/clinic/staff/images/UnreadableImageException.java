package com.thrivecenter.clinic.staff.images;

/** A file that starts like a picture but whose structure is broken or cut short. */
class UnreadableImageException extends Exception {

    UnreadableImageException(String reason) {
        super(reason);
    }
}
