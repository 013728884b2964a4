package com.thrivecenter.clinic.instances;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work that must happen once, not once per instance, is annotated with ShedLock's {@code @SchedulerLock}:
 * before it runs, the instance takes the job's row in the table of migration V12; an instance that finds the row
 * taken skips that run. Lock times are the database's clock, so instances whose clocks disagree still agree.
 *
 * <p>This lives in its own package beside the features because any feature's job may need it (the retention purge
 * and the review reminder in staff today); a feature names the lock with ShedLock's annotation only and depends on
 * nothing here, as the package rules require (ModularityTests).
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "30m")
class SchedulerLockConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
