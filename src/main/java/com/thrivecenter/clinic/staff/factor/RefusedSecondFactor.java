package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A refused second factor (a wrong, used or expired code; a passkey that did not verify) is audited against the
 * account whose password the session holds (the refusal has already emptied the request's own sign-in, not the
 * session's), then the refusal is shown. What was typed or sent is never recorded.
 */
class RefusedSecondFactor implements AuthenticationFailureHandler {

    private final AuditLog audit;
    private final String factor;
    private final AuthenticationFailureHandler showRefusal;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    /** {@code factor} names the factor in the audit row: "email code", "passkey". */
    RefusedSecondFactor(AuditLog audit, String factor, AuthenticationFailureHandler showRefusal) {
        this.audit = audit;
        this.factor = factor;
        this.showRefusal = showRefusal;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        Authentication session = sessions.loadDeferredContext(request).get().getAuthentication();
        if (session != null && SecondFactorConfig.gavePassword(session)) {
            audit.record(session.getName(), AuditAction.SECOND_FACTOR_REFUSED, null, factor);
        }
        showRefusal.onAuthenticationFailure(request, response, exception);
    }
}
