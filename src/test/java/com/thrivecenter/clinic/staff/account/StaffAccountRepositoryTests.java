package com.thrivecenter.clinic.staff.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lockout lives in one SQL statement per wrong password: however many arrive at once, exactly the allowed
 * number are counted before the account locks. Only the database and the repository, on our own migrations.
 */
@JdbcTest
@Import(StaffAccountRepository.class)
// The attempts run on threads of their own, each in its own transaction, as requests do.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class StaffAccountRepositoryTests {

    private static final String EMAIL = "lockout@clinic.example";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final int LOCK_AFTER = 5;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void oneAccount() {
        jdbc.sql("DELETE FROM staff_account").update();
        accounts.insert(EMAIL, "{noop}not-used-here", Role.STAFF, NOW);
    }

    private boolean wrongPassword(Instant at) {
        return accounts.reserveAttempt(EMAIL, at, LOCK_AFTER, at.plus(Duration.ofMinutes(15)));
    }

    @Test
    void manyWrongPasswordsAtOnceCountExactlyUpToTheLockout() throws Exception {
        ExecutorService attackers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(() -> wrongPassword(NOW));
            }
            long counted = 0;
            for (Future<Boolean> attempt : attackers.invokeAll(attempts)) {
                counted += attempt.get() ? 1 : 0;
            }

            assertThat(counted).isEqualTo(LOCK_AFTER);
        } finally {
            attackers.shutdownNow();
        }
        StaffAccount account = accounts.findByEmail(EMAIL).orElseThrow();
        assertThat(account.failedAttempts()).isEqualTo(LOCK_AFTER);
        assertThat(account.lockedUntil()).contains(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void onceTheLockRunsOutCountingStartsAgain() {
        for (int i = 0; i < LOCK_AFTER; i++) {
            assertThat(wrongPassword(NOW)).isTrue();
        }
        assertThat(wrongPassword(NOW.plus(Duration.ofMinutes(14))))
                .as("still locked")
                .isFalse();

        assertThat(wrongPassword(NOW.plus(Duration.ofMinutes(15)))).isTrue();
        StaffAccount account = accounts.findByEmail(EMAIL).orElseThrow();
        assertThat(account.failedAttempts()).isEqualTo(1);
        assertThat(account.lockedUntil()).isEmpty();
    }

    @Test
    void aRightPasswordClearsTheCountAndAnEmailIsFoundHoweverItIsTyped() {
        wrongPassword(NOW);
        wrongPassword(NOW);

        accounts.recordSuccess("  LockOut@Clinic.Example ");

        assertThat(accounts.findByEmail("LOCKOUT@clinic.example"))
                .hasValueSatisfying(
                        account -> assertThat(account.failedAttempts()).isZero());
        assertThat(accounts.reserveAttempt("nobody@clinic.example", NOW, LOCK_AFTER, NOW))
                .isFalse();
    }
}
