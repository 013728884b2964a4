package com.thrivecenter.clinic.site;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what one request may ask of the site (env CLINIC_LIMITS_BODY_TIMEOUT). The size of a request body is
 * Jetty's own setting, {@code server.jetty.max-http-form-post-size}.
 *
 * @param bodyTimeout how long a request body may take to arrive in full; a slower one is answered 408
 */
@ConfigurationProperties("clinic.limits")
public record LimitsProperties(@DefaultValue("15s") Duration bodyTimeout) {}
