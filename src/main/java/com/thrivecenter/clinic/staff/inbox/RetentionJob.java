package com.thrivecenter.clinic.staff.inbox;

import com.thrivecenter.clinic.inquiry.InquiryInbox;
import com.thrivecenter.clinic.staff.StaffProperties;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes inquiries once they are older than the retention period, as the privacy notice promises. */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final InquiryInbox inbox;
    private final AuditLog audit;
    private final StaffProperties properties;
    private final Clock clock;
    private final LockingTaskExecutor locks;

    public RetentionJob(
            InquiryInbox inbox, AuditLog audit, StaffProperties properties, Clock clock, LockingTaskExecutor locks) {
        this.inbox = inbox;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.locks = locks;
    }

    // The schedule from the settings record itself (its default included), not from a placeholder restating it.
    // One run per night across all instances: the lock is held at least five minutes, so an instance whose clock
    // or cron trigger is a few seconds behind finds it taken instead of running the purge again.
    @Scheduled(cron = "#{@'clinic.staff-com.thrivecenter.clinic.staff.StaffProperties'.retentionCron()}")
    public void deleteExpired() {
        locks.executeWithLock(
                (Runnable) this::purge,
                new LockConfiguration(ClockProvider.now(), "retention", Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    private void purge() {
        int deleted = inbox.deleteReceivedBefore(clock.instant().minus(properties.retention()));
        audit.record("system", AuditAction.INQUIRIES_DELETED_BY_RETENTION, null, deleted + " deleted");
        log.info("Retention: deleted {} inquiries older than {}", deleted, properties.retention());
    }
}
