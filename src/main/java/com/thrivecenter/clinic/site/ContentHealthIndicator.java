package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentRepository;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** "content" in the readiness group: the site is ready once it has pages to serve. */
@Component
public class ContentHealthIndicator implements HealthIndicator {

    private final ContentRepository content;

    public ContentHealthIndicator(ContentRepository content) {
        this.content = content;
    }

    @Override
    public Health health() {
        return content.current().publishedPages().isEmpty()
                ? Health.down().build()
                : Health.up().build();
    }
}
