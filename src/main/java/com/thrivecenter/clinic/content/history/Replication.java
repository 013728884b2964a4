package com.thrivecenter.clinic.content.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How this instance's content stands with the content store the instances share.
 *
 * @param unreachableSince since when the store has not answered; empty while it does
 * @param waiting          versions saved here that the store does not have yet (pushed once it answers)
 * @param keptAside        versions that changed a page another instance had changed first: the page kept the other
 *                         text, and these are kept for staff to compare or restore
 */
public record Replication(Optional<Instant> unreachableSince, int waiting, List<KeptAside> keptAside) {

    public boolean reachable() {
        return unreachableSince.isEmpty();
    }

    /** A page's text that lost a conflict with another instance's save, as a version of that page. */
    public record KeptAside(String file, Version version) {}
}
