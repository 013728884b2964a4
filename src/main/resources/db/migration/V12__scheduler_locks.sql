-- ShedLock's table (its JdbcTemplateLockProvider): one row per scheduled job that must run on one instance at a
-- time (the nightly retention purge, the weekly review reminder). Times are the database's own clock in UTC
-- (usingDbTime), so instances whose clocks disagree still see one lock. Plain SQL for H2 and PostgreSQL alike.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
