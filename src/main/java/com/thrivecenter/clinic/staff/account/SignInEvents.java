package com.thrivecenter.clinic.staff.account;

import com.thrivecenter.clinic.staff.StaffProperties;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Audits every sign-in and sign-out, and locks an account after too many wrong passwords in a row. */
@Component
public class SignInEvents {

    private final StaffAccountRepository accounts;
    private final AuditLog audit;
    private final StaffProperties properties;
    private final Clock clock;

    public SignInEvents(StaffAccountRepository accounts, AuditLog audit, StaffProperties properties, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName());
        audit.record(event.getAuthentication().getName(), AuditAction.SIGN_IN, null, null);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String email = StaffAccountRepository.normalise(event.getAuthentication().getName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.recordFailure(email, properties.lockAfter(), clock.instant().plus(properties.lockFor()));
        }
        audit.record(email, AuditAction.SIGN_IN_FAILED, null, event.getException().getClass().getSimpleName());
    }

    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.SIGN_OUT, null, null);
    }
}
