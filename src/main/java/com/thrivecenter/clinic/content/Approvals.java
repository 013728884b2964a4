package com.thrivecenter.clinic.content;

import java.time.Instant;
import java.util.Optional;

/**
 * Clinicians' approvals of pages, as recorded apart from the files (the content's history), so that what a file
 * says about itself can never claim a medical review.
 */
public interface Approvals {

    /** For a folder without a history: no page is approved. */
    Approvals NONE = file -> Optional.empty();

    /** The newest approval of the file (relative path, '/' separated); empty when it was never approved. */
    Optional<Approval> lastApproval(String file);

    /**
     * The approvals as they stand now, fixed: one look at the history answers for every file, where a reload of
     * thousands of pages would otherwise look once per page. Later approvals are not in it.
     */
    default Approvals approvalsAsOfNow() {
        return this;
    }

    /**
     * One approval: the version that records it, the clinician as staff know them, when, and the file's whole text
     * as it was approved.
     */
    record Approval(String versionId, String reviewer, Instant when, String text) {

        /** Whether this approval covers a file whose text is now {@code current}: the same body, whatever the front matter. */
        public boolean covers(String current) {
            return body(text).equals(body(current));
        }

        private static String body(String text) {
            return PageSource.split(text)
                    .map(PageSource::body)
                    .orElse(text)
                    .replace("\r\n", "\n")
                    .strip();
        }
    }
}
