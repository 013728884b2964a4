package com.thrivecenter.clinic.staff.account;

import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Audits every sign-in, failed sign-in and sign-out (the lock is {@link LockoutAuthenticationProvider}'s). A failed
 * sign-in is recorded against the account it named, never as what was typed: an email that is no account (or a
 * password typed into the email field) stays out of the log.
 */
@Component
public class SignInEvents {

    /** The actor of a failed sign-in that named no account. */
    static final String UNKNOWN_ACCOUNT = "unknown account";

    private final AuditLog audit;
    private final StaffAccountRepository accounts;

    public SignInEvents(AuditLog audit, StaffAccountRepository accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.SIGN_IN, null, null);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        Optional<StaffAccount> account =
                accounts.findByEmail(event.getAuthentication().getName());
        audit.record(
                account.map(StaffAccount::email).orElse(UNKNOWN_ACCOUNT),
                AuditAction.SIGN_IN_FAILED,
                null,
                account.isPresent() ? reason(event.getException()) : "no such account");
    }

    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.SIGN_OUT, null, null);
    }

    /** Why an existing account was refused, in plain words. */
    private static String reason(AuthenticationException failure) {
        if (failure instanceof LockedException) {
            return "account locked";
        }
        if (failure instanceof DisabledException) {
            return "account disabled";
        }
        if (failure instanceof BadCredentialsException) {
            return "wrong password";
        }
        return "sign-in could not be checked";
    }
}
