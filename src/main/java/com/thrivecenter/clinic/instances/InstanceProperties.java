package com.thrivecenter.clinic.instances;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for running several instances on one database (env CLINIC_INSTANCES_HEARTBEAT).
 *
 * @param heartbeat how often a running instance tells the database it is alive; one silent for four of these is
 *     taken for dead, and its secrets no longer stop another from starting
 */
@ConfigurationProperties("clinic.instances")
public record InstanceProperties(@DefaultValue("5s") Duration heartbeat) {

    /** How long an instance may stay silent before it no longer counts as running. */
    Duration deadAfter() {
        return heartbeat.multipliedBy(4);
    }
}
