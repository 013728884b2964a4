package com.thrivecenter.clinic.instances;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work that must happen once, not once per instance, runs through ShedLock's {@link LockingTaskExecutor}:
 * before it runs, the instance takes the job's row in the table of migration V12; an instance that finds the row
 * taken skips that run. Lock times are the database's clock, so instances whose clocks disagree still agree.
 *
 * <p>The jobs call the executor themselves rather than carry ShedLock's {@code @SchedulerLock} annotation: the
 * annotation needs an AOP advisor that searched every method of every bean for it as the site started (about 0.1 s
 * of the production recipe's start), for two jobs.
 *
 * <p>This lives in its own package beside the features because any feature's job may need it (the retention purge
 * and the review reminder in staff today); a feature depends on ShedLock's interface only and on nothing here, as
 * the package rules require (ModularityTests).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerLockConfig {

    @Bean
    LockingTaskExecutor schedulerLocks(DataSource dataSource) {
        return new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
    }
}
