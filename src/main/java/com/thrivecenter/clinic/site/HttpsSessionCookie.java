package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.stereotype.Component;

/**
 * Where the site is HTTPS, the staff session's cookie is always Secure and named with the {@code __Host-} prefix,
 * which browsers accept only from HTTPS, for the whole site and this exact host: no subdomain and no plain-HTTP
 * answer can set or replace it. Spring Session writes the cookie; this completes Boot's server.servlet.session
 * cookie settings (name, HttpOnly, SameSite), which Boot applies to it first.
 */
@Component
class HttpsSessionCookie implements DefaultCookieSerializerCustomizer {

    static final String NAME = "__Host-JSESSIONID";

    private final SecurityHeaders securityHeaders;

    HttpsSessionCookie(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    public void customize(DefaultCookieSerializer cookie) {
        if (securityHeaders.httpsSite()) {
            cookie.setCookieName(NAME);
            cookie.setUseSecureCookie(true);
            cookie.setCookiePath("/");
        }
    }
}
