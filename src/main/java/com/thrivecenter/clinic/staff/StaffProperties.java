package com.thrivecenter.clinic.staff;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for the staff area.
 *
 * @param adminEmail     the first administrator, created on first start when there is no account
 *                       (env CLINIC_STAFF_ADMIN_EMAIL)
 * @param adminPassword  that administrator's password (env CLINIC_STAFF_ADMIN_PASSWORD); unset, a random one is
 *                       printed once to the log
 * @param lockAfter      wrong passwords in a row before an account is locked
 * @param lockFor        how long it stays locked
 * @param retention      inquiries older than this are deleted
 * @param retentionCron  when the deletion of old inquiries runs: a Spring cron expression (second minute hour day
 *                       month weekday) in the server's time zone
 * @param reviewDue      a page whose medical review is older than this is falling due for another one
 * @param reviewReminderCron when clinicians are mailed the pages waiting for their review: a Spring cron expression
 *                       in the clinic's time zone (clinic.content.time-zone); default Mondays at 8:00
 */
@ConfigurationProperties("clinic.staff")
public record StaffProperties(
        @DefaultValue("admin@example.com") String adminEmail,
        @DefaultValue("") String adminPassword,
        @DefaultValue("5") int lockAfter,
        @DefaultValue("15m") Duration lockFor,
        @DefaultValue("365d") Duration retention,
        @DefaultValue("0 30 3 * * *") String retentionCron,
        @DefaultValue("P12M") Period reviewDue,
        @DefaultValue("0 0 8 * * MON") String reviewReminderCron) {}
