package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

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
    /** Approving a page as medically reviewed; every member of staff may read what changed. */
    private static final String CLINICIAN_ONLY = "/staff/content/review";

    @Bean
    SecurityFilterChain site(
            HttpSecurity http, AuthenticationSuccessHandler backToTheStaffPage, SecurityHeaders securityHeaders)
            throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/staff/login")
                        .permitAll()
                        .requestMatchers(ADMIN_ONLY)
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, CLINICIAN_ONLY)
                        .hasRole("CLINICIAN")
                        .requestMatchers("/staff/**")
                        .hasRole("STAFF")
                        .anyRequest()
                        .permitAll())
                .formLogin(login -> login.loginPage("/staff/login")
                        .usernameParameter("email")
                        .successHandler(backToTheStaffPage)
                        .failureUrl("/staff/login?error"))
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?signed-out"))
                .requestCache(cache -> cache.requestCache(staffPagesOnly()))
                // The contact form's token lives in a cookie, not a session: see ContactFormCsrf.
                .csrf(csrf -> csrf.csrfTokenRepository(ContactFormCsrf.tokenRepository())
                        .csrfTokenRequestHandler(ContactFormCsrf.requestHandler()))
                // The default for refusals, not the only handler: a missing second factor is sent to its page instead.
                .exceptionHandling(exceptions -> exceptions.defaultAccessDeniedHandlerFor(
                        ContactFormCsrf.accessDeniedHandler(), AnyRequestMatcher.INSTANCE))
                // The site's one set of security headers (the same on pages served outside this chain), and
                // no-store for everything that does not set its own caching.
                .headers(headers -> headers.defaultsDisabled()
                        .addHeaderWriter(new NoStoreByDefault())
                        .addHeaderWriter(securityHeaders::writeTo))
                .build();
    }

    /**
     * After signing in (and after a second factor, where one is required): back to the staff page that asked for
     * it, by its path only.
     */
    @Bean
    AuthenticationSuccessHandler backToTheStaffPage() {
        SavedRequestAwareAuthenticationSuccessHandler backToTheStaffPage =
                new SavedRequestAwareAuthenticationSuccessHandler();
        backToTheStaffPage.setDefaultTargetUrl("/staff");
        backToTheStaffPage.setRequestCache(staffPagesOnly());
        backToTheStaffPage.setRedirectStrategy(new PathOnlyRedirectStrategy());
        return backToTheStaffPage;
    }

    /** Only staff pages are remembered for after sign-in, so public pages never start a session. */
    private static HttpSessionRequestCache staffPagesOnly() {
        HttpSessionRequestCache staffPagesOnly = new HttpSessionRequestCache();
        staffPagesOnly.setRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/staff/**"));
        return staffPagesOnly;
    }

    /** An administrator, and a clinician, can do everything staff can. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_STAFF\nROLE_CLINICIAN > ROLE_STAFF");
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
