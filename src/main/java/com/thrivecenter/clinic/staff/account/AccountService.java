package com.thrivecenter.clinic.staff.account;

import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates accounts and changes them, each change and its audit row in one transaction (both are kept, or neither);
 * the repository ends the sessions a change must end.
 */
@Service
public class AccountService {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public AccountService(
            StaffAccountRepository accounts,
            PasswordEncoder passwords,
            AuditLog audit,
            Clock clock,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    public void create(String actor, String email, String password, Role role) {
        // Hashed before the transaction: no connection is held while the hash takes its time.
        String hash = passwords.encode(password);
        transaction.executeWithoutResult(status -> {
            accounts.insert(email, hash, role, clock.instant());
            audit.record(actor, AuditAction.ACCOUNT_CREATED, StaffAccountRepository.normalise(email), "role " + role);
        });
    }

    public void setEnabled(String actor, String email, boolean enabled) {
        transaction.executeWithoutResult(status -> {
            accounts.setEnabled(email, enabled);
            audit.record(
                    actor,
                    enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED,
                    StaffAccountRepository.normalise(email),
                    null);
        });
    }

    /** Returns the role the account had before, or empty when there is no such account. */
    public Optional<Role> changeRole(String actor, String email, Role role) {
        return transaction.execute(status -> {
            Optional<Role> before = accounts.setRole(email, role);
            before.ifPresent(previous -> audit.record(
                    actor,
                    AuditAction.ROLE_CHANGED,
                    StaffAccountRepository.normalise(email),
                    previous + " to " + role));
            return before;
        });
    }

    /** Returns false when there is no such account. */
    public boolean setDisplayName(String actor, String email, String displayName) {
        return transaction.execute(status -> {
            boolean found = accounts.setDisplayName(email, displayName);
            if (found) {
                audit.record(
                        actor,
                        AuditAction.DISPLAY_NAME_CHANGED,
                        StaffAccountRepository.normalise(email),
                        displayName.isBlank() ? "removed" : displayName.strip());
            }
            return found;
        });
    }

    public void resetPassword(String actor, String email, String password) {
        String hash = passwords.encode(password);
        transaction.executeWithoutResult(status -> {
            accounts.setPassword(email, hash);
            audit.record(actor, AuditAction.PASSWORD_RESET, StaffAccountRepository.normalise(email), null);
        });
    }
}
