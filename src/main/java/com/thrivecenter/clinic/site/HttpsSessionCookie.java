package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the site is HTTPS, the staff session's cookie is always Secure and named with the {@code __Host-} prefix,
 * which browsers accept only from HTTPS, for the whole site and this exact host: no subdomain and no plain-HTTP
 * answer can set or replace it. Applied after Boot's own server.servlet.session settings, which it completes.
 */
@Component
class HttpsSessionCookie implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

    static final String NAME = "__Host-JSESSIONID";

    private final SecurityHeaders securityHeaders;

    HttpsSessionCookie(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
    }

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        if (securityHeaders.httpsSite()) {
            Cookie cookie = factory.getSettings().getSession().getCookie();
            cookie.setName(NAME);
            cookie.setSecure(true);
            cookie.setPath("/");
        }
    }
}
