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
 * A wrong, used or expired code is audited against the account whose password the session holds (the refusal has
 * already emptied the request's own sign-in, not the session's), then the refusal page is shown. What was typed
 * is never recorded.
 */
class RefusedCodes implements AuthenticationFailureHandler {

    private final AuditLog audit;
    private final AuthenticationFailureHandler showRefusal;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    RefusedCodes(AuditLog audit, AuthenticationFailureHandler showRefusal) {
        this.audit = audit;
        this.showRefusal = showRefusal;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        Authentication session = sessions.loadDeferredContext(request).get().getAuthentication();
        if (session != null && SecondFactorConfig.gavePassword(session)) {
            audit.record(session.getName(), AuditAction.SECOND_FACTOR_REFUSED, null, "email code");
        }
        showRefusal.onAuthenticationFailure(request, response, exception);
    }
}
