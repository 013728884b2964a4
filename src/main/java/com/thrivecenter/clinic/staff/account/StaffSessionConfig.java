package com.thrivecenter.clinic.staff.account;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The session stamp check, for the security chain to place after it has loaded the session's sign-in. */
@Configuration
public class StaffSessionConfig {

    @Bean
    public SessionStampFilter sessionStampFilter(StaffAccountRepository accounts) {
        return new SessionStampFilter(accounts);
    }

    /** Not a servlet filter of its own: ahead of the security chain it would see nobody signed in. */
    @Bean
    FilterRegistrationBean<SessionStampFilter> sessionStampFilterOutsideTheChain(SessionStampFilter filter) {
        FilterRegistrationBean<SessionStampFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
