package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.history.ContentHistory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "content" in the readiness group: the site is ready once it has pages to serve. With a content store, the details
 * say whether it answers and how many versions wait for it; an unreachable store leaves the instance up, since it
 * still serves its last good pages. The store's address is never shown: it may hold credentials.
 */
@Component
public class ContentHealthIndicator implements HealthIndicator {

    private final ContentRepository content;
    private final ContentHistory history;

    public ContentHealthIndicator(ContentRepository content, ContentHistory history) {
        this.content = content;
        this.history = history;
    }

    @Override
    public Health health() {
        Health.Builder health = content.current().publishedPages().isEmpty() ? Health.down() : Health.up();
        history.replication().ifPresent(store -> {
            health.withDetail("store", store.reachable() ? "reachable" : "unreachable");
            store.unreachableSince().ifPresent(since -> health.withDetail("storeUnreachableSince", since.toString()));
            health.withDetail("versionsWaiting", store.waiting());
            health.withDetail("versionsKeptAside", store.keptAside().size());
        });
        return health.build();
    }
}
