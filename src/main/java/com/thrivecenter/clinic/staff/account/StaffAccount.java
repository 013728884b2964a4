package com.thrivecenter.clinic.staff.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A person who signs in to the staff area; {@code sessionStamp} changes whenever their open sessions must end, and
 * {@code displayName} is how public pages name them (a clinician's approval), set by an administrator.
 */
public record StaffAccount(
        long id,
        String email,
        String passwordHash,
        Role role,
        boolean enabled,
        int failedAttempts,
        Optional<Instant> lockedUntil,
        Instant createdAt,
        long sessionStamp,
        Optional<String> displayName) {}
