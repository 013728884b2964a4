package com.thrivecenter.clinic;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The security headers every response carries, in one place. Spring Security adds them to the application's
 * responses; the two answers written outside its chain (content pages served from memory, and requests Tomcat
 * refuses before Spring sees them) add them from here.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** Spring Security's own value, sent only over HTTPS. */
    private static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Permissions-Policy", PERMISSIONS_POLICY,
            "Referrer-Policy", REFERRER_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY");

    /** The whole set on a response written outside Spring Security, HSTS only over HTTPS as Spring Security does. */
    public static void writeTo(HttpServletRequest request, HttpServletResponse response) {
        ALL.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }

    private SecurityHeaders() {}
}
