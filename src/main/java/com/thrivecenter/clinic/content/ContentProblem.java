package com.thrivecenter.clinic.content;

import java.util.Locale;

/**
 * Something in a content file for staff to look at, with the file and line. An {@link Severity#ERROR} means the
 * file cannot be a page or a setting in it is wrong; a {@link Severity#WARNING} (a broken link, a missing image,
 * a writing check) leaves the page served as it is.
 */
public record ContentProblem(String file, int line, Severity severity, String message) {

    public enum Severity {
        ERROR,
        WARNING;

        /** As printed before a message: "error" or "warning". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An error: most problems stop a file from being a page. */
    public ContentProblem(String file, int line, String message) {
        this(file, line, Severity.ERROR, message);
    }

    public static ContentProblem warning(String file, int line, String message) {
        return new ContentProblem(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + severity.label() + ": " + message;
    }
}
