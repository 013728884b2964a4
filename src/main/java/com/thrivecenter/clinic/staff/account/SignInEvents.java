package com.thrivecenter.clinic.staff.account;

import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Audits every sign-in, failed sign-in and sign-out (the lock is {@link LockoutAuthenticationProvider}'s). */
@Component
public class SignInEvents {

    private final AuditLog audit;

    public SignInEvents(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.SIGN_IN, null, null);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String email = StaffAccountRepository.normalise(event.getAuthentication().getName());
        audit.record(email, AuditAction.SIGN_IN_FAILED, null, event.getException().getClass().getSimpleName());
    }

    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.SIGN_OUT, null, null);
    }
}
