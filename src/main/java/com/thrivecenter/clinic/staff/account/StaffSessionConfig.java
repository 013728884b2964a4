package com.thrivecenter.clinic.staff.account;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/** The session stamp check, placed in the security chain after it has loaded the session's sign-in. */
@Configuration
public class StaffSessionConfig {

    @Bean
    public SessionStampFilter sessionStampFilter(StaffAccountRepository accounts) {
        return new SessionStampFilter(accounts);
    }

    /** After the CSRF check and before the anonymous fallback: a session whose account changed goes on signed out. */
    @Bean
    Customizer<HttpSecurity> sessionStampCheck(SessionStampFilter filter) {
        return http -> http.addFilterBefore(filter, AnonymousAuthenticationFilter.class);
    }

    /** Not a servlet filter of its own: ahead of the security chain it would see nobody signed in. */
    @Bean
    FilterRegistrationBean<SessionStampFilter> sessionStampFilterOutsideTheChain(SessionStampFilter filter) {
        FilterRegistrationBean<SessionStampFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
