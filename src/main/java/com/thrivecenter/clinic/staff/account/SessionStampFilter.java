package com.thrivecenter.clinic.staff.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session whose account has since been disabled, given a new role or a new password: the session's
 * principal carries the account's session stamp from sign-in, and the database's stamp is read on every staff
 * request, so this holds across instances that share sessions. The request then goes on signed out, and the
 * security chain sends it to the sign-in page. Runs inside the security chain only (see {@link StaffSessionConfig}).
 */
public class SessionStampFilter extends OncePerRequestFilter {

    private final StaffAccountRepository accounts;
    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    public SessionStampFilter(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/staff") || path.startsWith("/staff/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal staff) {
            Optional<Long> current = accounts.sessionStamp(staff.getUsername());
            if (current.isEmpty() || current.get() != staff.sessionStamp()) {
                signOut.logout(request, response, signedIn);
            }
        }
        chain.doFilter(request, response);
    }
}
