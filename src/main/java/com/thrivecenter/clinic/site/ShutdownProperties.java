package com.thrivecenter.clinic.site;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an instance leaves the load balancer (env CLINIC_SHUTDOWN_DRAIN).
 *
 * @param drain how long an instance that is shutting down keeps serving every request while its readiness already
 *              says DOWN, so a load balancer that probes readiness stops sending it traffic before it stops
 *              listening; then in-flight requests finish (graceful shutdown). At least the probe's interval times the
 *              failures it needs; 0 for a single instance
 */
@ConfigurationProperties("clinic.shutdown")
public record ShutdownProperties(@DefaultValue("0s") Duration drain) {}
