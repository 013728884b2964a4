package com.thrivecenter.clinic.site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Public pages for everyone; every form protected against cross-site request forgery. */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** A path the firewall refuses ("/a/%2e%2e/b", "//x") is, to a visitor, a page that does not exist. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(404);
    }
}
