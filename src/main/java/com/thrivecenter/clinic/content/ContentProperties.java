package com.thrivecenter.clinic.content;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff-edited pages (env CLINIC_CONTENT_DIR, CLINIC_CONTENT_MAX_AGE, CLINIC_CONTENT_HISTORY,
 * CLINIC_CONTENT_TIME_ZONE).
 *
 * @param dir      the folder of Markdown pages, relative to the working directory
 * @param maxAge   how long browsers and proxies may keep a page before asking again (Cache-Control)
 * @param history  whether the site makes the content folder a Git repository (its history of versions) when it
 *                 starts, if it is not one yet; when off, it becomes one at the first save
 * @param timeZone the clinic's time zone, in which pages' publish and expires times are meant, such as
 *                 America/Chicago; unset, the server's own time zone
 */
@ConfigurationProperties("clinic.content")
public record ContentProperties(
        @DefaultValue("content") Path dir,
        @DefaultValue("5m") Duration maxAge,
        @DefaultValue("true") boolean history,
        ZoneId timeZone) {

    public ContentProperties {
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
    }
}
