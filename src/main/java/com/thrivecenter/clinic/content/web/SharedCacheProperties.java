package com.thrivecenter.clinic.content.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How published pages may be kept by a shared cache (env CLINIC_CONTENT_SHARED_MAX_AGE). The publish stage's own
 * setting beside {@code clinic.content.max-age}, which is for browsers.
 *
 * @param sharedMaxAge how long a shared cache (the nginx in front of several instances) may serve a page before
 *                     asking again (Cache-Control s-maxage): short, so a page staff saved is soon seen by everyone;
 *                     asking again is cheap, as the site answers an unchanged page with 304
 */
@ConfigurationProperties("clinic.content")
public record SharedCacheProperties(@DefaultValue("5s") Duration sharedMaxAge) {}
