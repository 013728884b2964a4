package com.thrivecenter.clinic.content.history;

/**
 * Not saved: the page changed since the editor opened it, here or on another instance that reached the content
 * store first. Nothing of the save was recorded; {@link #currentText()} is the page as it is now ("" if it is gone).
 */
public class PageChangedException extends RuntimeException {

    private final String currentText;

    PageChangedException(String file, String currentText) {
        super(file + " changed since it was opened");
        this.currentText = currentText;
    }

    public String currentText() {
        return currentText;
    }
}
