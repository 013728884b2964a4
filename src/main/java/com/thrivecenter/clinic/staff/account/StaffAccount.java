package com.thrivecenter.clinic.staff.account;

import java.time.Instant;
import java.util.Optional;

/** A person who signs in to the staff area. */
public record StaffAccount(
        long id,
        String email,
        String passwordHash,
        Role role,
        boolean enabled,
        int failedAttempts,
        Optional<Instant> lockedUntil,
        Instant createdAt) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }
}
