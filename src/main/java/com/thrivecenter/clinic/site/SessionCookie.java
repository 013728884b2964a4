package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.stereotype.Component;

/**
 * The staff session's cookie, which Spring Session writes; this completes Boot's server.servlet.session cookie
 * settings (name, HttpOnly, SameSite), which Boot applies to it first.
 *
 * <p>Where the site is HTTPS, the cookie is always Secure and named with the {@code __Host-} prefix, which browsers
 * accept only from HTTPS, for the whole site and this exact host: no subdomain and no plain-HTTP answer can set or
 * replace it. Its value is the session id itself, not Spring Session's default Base64 of it: the servlet container
 * admits only printable characters in a cookie, while a decoded value could hold any, such as a NUL, which
 * PostgreSQL refuses in a query (an error page instead of the sign-in page).
 */
@Component
class SessionCookie implements DefaultCookieSerializerCustomizer {

    static final String HTTPS_NAME = "__Host-JSESSIONID";

    private final SecurityHeaders securityHeaders;

    SessionCookie(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    public void customize(DefaultCookieSerializer cookie) {
        cookie.setUseBase64Encoding(false);
        if (securityHeaders.httpsSite()) {
            cookie.setCookieName(HTTPS_NAME);
            cookie.setUseSecureCookie(true);
            cookie.setCookiePath("/");
        }
    }
}
