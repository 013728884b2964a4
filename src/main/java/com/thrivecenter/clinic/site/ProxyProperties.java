package com.thrivecenter.clinic.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which proxies the site believes (env CLINIC_PROXIES_TRUSTED).
 *
 * @param trusted a Java regular expression matched against the whole address of the connecting client, e.g.
 *                {@code 10\.0\.0\.5|10\.0\.0\.6}: only a client it matches may name the real client's address
 *                (X-Forwarded-For) and protocol (X-Forwarded-Proto). Empty: nobody, so a client can fake neither
 */
@ConfigurationProperties("clinic.proxies")
public record ProxyProperties(@DefaultValue("") String trusted) {}
