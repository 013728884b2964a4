package com.thrivecenter.clinic.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Cross-site request forgery protection for the public contact form without a server session: its token is a
 * double-submit cookie (HttpOnly, SameSite=Lax, Secure over HTTPS, path /contact) that the form's hidden field
 * must match, so a form opened before a restart, or served by another instance, is still accepted. The staff
 * area keeps the token in its session. A refused contact form goes back to the patient with what they typed.
 */
final class ContactFormCsrf {

    static final String COOKIE_NAME = "XSRF-TOKEN";

    /** Where a contact form that failed the check is forwarded, to be shown again (see InquiryController). */
    static final String NOT_ACCEPTED = "/contact/not-accepted";

    private static final RequestMatcher CONTACT =
            PathPatternRequestMatcher.withDefaults().matcher("/contact/**");
    private static final RequestMatcher CONTACT_POST =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/contact");

    private ContactFormCsrf() {}

    /** The cookie for the contact form, the session for everything else. */
    static CsrfTokenRepository tokenRepository() {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieName(COOKIE_NAME);
        cookie.setCookiePath("/contact");
        cookie.setCookieCustomizer(builder -> builder.sameSite("Lax"));
        HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return pick(request).generateToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                pick(request).saveToken(token, request, response);
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return pick(request).loadToken(request);
            }

            private CsrfTokenRepository pick(HttpServletRequest request) {
                return CONTACT.matches(request) ? cookie : session;
            }
        };
    }

    /**
     * Spring Security's masked token (against BREACH), made at once on contact pages: the cookie must be in the
     * response headers before the page starts streaming, not when the template reaches the hidden field.
     */
    static CsrfTokenRequestHandler requestHandler() {
        XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();
        return new CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
                masked.handle(request, response, token);
                if (CONTACT.matches(request)) {
                    token.get();
                }
            }

            @Override
            public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                return masked.resolveCsrfTokenValue(request, token);
            }
        };
    }

    /**
     * A contact form that failed the check is shown again, with status 403; any other refusal gets the site's 403
     * page. (Spring Security's single "default handler for" a matcher would serve every refusal, staff ones too.)
     */
    static AccessDeniedHandler accessDeniedHandler() {
        AccessDeniedHandlerImpl showFormAgain = new AccessDeniedHandlerImpl();
        showFormAgain.setErrorPage(NOT_ACCEPTED);
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> handlers = new LinkedHashMap<>();
        handlers.put(CONTACT_POST, showFormAgain);
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }
}
