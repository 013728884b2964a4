package com.thrivecenter.clinic.content.history;

/** The history could not be read or written (a full disk, a damaged repository); nothing was recorded. */
public class HistoryException extends RuntimeException {

    HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
