package com.thrivecenter.clinic.content.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code clinic.content.pull-interval}, this instance takes the other instances' versions from the content
 * store and pushes any of its own that waited. Each instance pulls into its own folder, so this runs on every
 * instance (no cluster lock); the history's lock keeps it from a save. Without a store it does nothing.
 */
@Component
class ContentPull {

    private static final Logger log = LoggerFactory.getLogger(ContentPull.class);
    private static final String INTERVAL_MILLIS =
            "#{@'clinic.content-com.thrivecenter.clinic.content.ContentProperties'.pullInterval().toMillis()}";

    private final ContentHistory history;

    ContentPull(ContentHistory history) {
        this.history = history;
    }

    @Scheduled(fixedDelayString = INTERVAL_MILLIS, initialDelayString = INTERVAL_MILLIS)
    void pull() {
        try {
            history.pull();
        } catch (RuntimeException e) {
            log.error("Pulling from the content store failed; the pages already loaded stay up", e);
        }
    }
}
