package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Public pages for everyone; the staff area for signed-in staff, its admin pages for administrators; every
 * form protected against cross-site request forgery (the contact form without a server session). Features add
 * their own parts of the chain as {@code Customizer<HttpSecurity>} beans, which Spring Security applies to it.
 */
@Configuration
public class SecurityConfig {

    private static final String[] ADMIN_ONLY = {
        "/staff/accounts/**",
        "/staff/audit/**",
        "/staff/inquiries.csv",
        // Patient rights: an access request's copy and erasure (encrypted patient data)
        "/staff/inquiries/*/patient-data.json",
        "/staff/inquiries/*/erase"
    };

    @Bean
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        // Only staff pages are remembered for after sign-in, so public pages never start a session.
        HttpSessionRequestCache staffPagesOnly = new HttpSessionRequestCache();
        staffPagesOnly.setRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/staff/**"));
        SavedRequestAwareAuthenticationSuccessHandler backToTheStaffPage =
                new SavedRequestAwareAuthenticationSuccessHandler();
        backToTheStaffPage.setDefaultTargetUrl("/staff");
        backToTheStaffPage.setRequestCache(staffPagesOnly);
        backToTheStaffPage.setRedirectStrategy(new PathOnlyRedirectStrategy());
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/staff/login")
                        .permitAll()
                        .requestMatchers(ADMIN_ONLY)
                        .hasRole("ADMIN")
                        .requestMatchers("/staff/**")
                        .hasRole("STAFF")
                        .anyRequest()
                        .permitAll())
                .formLogin(login -> login.loginPage("/staff/login")
                        .usernameParameter("email")
                        .successHandler(backToTheStaffPage)
                        .failureUrl("/staff/login?error"))
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?signed-out"))
                .requestCache(cache -> cache.requestCache(staffPagesOnly))
                // The contact form's token lives in a cookie, not a session: see ContactFormCsrf.
                .csrf(csrf -> csrf.csrfTokenRepository(ContactFormCsrf.tokenRepository())
                        .csrfTokenRequestHandler(ContactFormCsrf.requestHandler()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(ContactFormCsrf.accessDeniedHandler()))
                // nosniff, X-Frame-Options, HSTS over HTTPS and no-store by default come from Spring Security.
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(
                                new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY)))
                .build();
    }

    /** An administrator can do everything staff can. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_STAFF");
    }

    /** BCrypt, behind Spring Security's delegating encoder so stored hashes can move to a newer scheme later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A path the firewall refuses ("/a/%2e%2e/b", "//x") is, to a visitor, a page that does not exist. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(404);
    }
}
