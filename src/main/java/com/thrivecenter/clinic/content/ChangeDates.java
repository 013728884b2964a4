package com.thrivecenter.clinic.content;

import java.time.Instant;
import java.util.Optional;

/**
 * When a content file last changed, as recorded apart from the file itself (the content's history), so that a copy
 * of the folder, which gives every file a new modification time, does not make every page look edited today.
 */
public interface ChangeDates {

    /** For a folder without a history: every page falls back to its file's modification time. */
    ChangeDates NONE = file -> Optional.empty();

    /** Empty when there is no record of the file (relative path, '/' separated). */
    Optional<Instant> lastChanged(String file);

    /**
     * The dates as they stand now, fixed: one look at the history answers for every file, where a reload of
     * thousands of pages would otherwise look once per page. Later changes are not in it.
     */
    default ChangeDates datesAsOfNow() {
        return this;
    }

    /** Published when dates changed, so the pages are read again even if no file changed with them. */
    record Recorded() {}
}
