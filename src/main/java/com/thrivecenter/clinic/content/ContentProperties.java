package com.thrivecenter.clinic.content;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff-edited pages (env CLINIC_CONTENT_DIR, CLINIC_CONTENT_MAX_AGE, CLINIC_CONTENT_HISTORY,
 * CLINIC_CONTENT_TIME_ZONE, CLINIC_CONTENT_REMOTE, CLINIC_CONTENT_PULL_INTERVAL, CLINIC_CONTENT_PARSE_CACHE).
 *
 * @param dir      the folder of Markdown pages, relative to the working directory
 * @param maxAge   how long browsers and proxies may keep a page before asking again (Cache-Control)
 * @param history  whether the site makes the content folder a Git repository (its history of versions) when it
 *                 starts, if it is not one yet; when off, it becomes one at the first save (with a remote it is
 *                 always one: a clone of the store)
 * @param timeZone the clinic's time zone, in which pages' publish and expires times are meant, such as
 *                 America/Chicago; unset, the server's own time zone
 * @param remote       the content store shared by several instances: a Git remote (a bare repository's path or
 *                     URL) that the content folder is a clone of, each version pushed there; blank, the folder is
 *                     this instance's alone
 * @param pullInterval how often an instance with a remote fetches the other instances' versions
 * @param parseCache   where what each file parsed to is kept, so a start reads it back instead of parsing every
 *                     file again (application.yml: {@code parsed-pages} in the data folder); unset or blank: nowhere
 */
@ConfigurationProperties("clinic.content")
public record ContentProperties(
        @DefaultValue("content") Path dir,
        @DefaultValue("5m") Duration maxAge,
        @DefaultValue("true") boolean history,
        ZoneId timeZone,
        @DefaultValue("") String remote,
        @DefaultValue("10s") Duration pullInterval,
        Path parseCache) {

    public ContentProperties {
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
        remote = remote == null ? "" : remote.strip();
        pullInterval = pullInterval == null ? Duration.ofSeconds(10) : pullInterval;
        // A blank setting binds as the empty path, which would be the working directory.
        parseCache = parseCache == null || parseCache.toString().isBlank() ? null : parseCache;
    }
}
