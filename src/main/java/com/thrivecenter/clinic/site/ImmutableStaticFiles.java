package com.thrivecenter.clinic.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot serves the site's own static files, named by their content, with the year-long caching set in
 * spring.web.resources.*. Its properties cannot say "immutable", the directive that tells browsers not to ask
 * again even on a reload; this adds it to that caching, and to nothing else (an error page is never immutable).
 */
@Configuration
public class ImmutableStaticFiles {

    private static final String ONE_YEAR = "max-age=31536000";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> immutableStaticFilesFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void setHeader(String name, String value) {
                        boolean yearLong = HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) && value != null
                                && value.startsWith(ONE_YEAR);
                        super.setHeader(name, yearLong ? value + ", immutable" : value);
                    }
                });
            }
        });
        registration.addUrlPatterns("/css/*", "/favicon.svg");
        return registration;
    }
}
