package com.thrivecenter.clinic.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot serves the site's own static files, named by their content, with the year-long caching set in
 * spring.web.resources.*. Its properties cannot say "immutable", the directive that tells browsers not to ask
 * again even on a reload; this adds it to that caching, and to nothing else (an error page is never immutable).
 */
@Component
public class ImmutableStaticFiles extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/css/") && !path.equals("/favicon.svg") && !path.startsWith("/favicon-");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new YearLongMeansImmutable(response));
    }

    private static final class YearLongMeansImmutable extends HttpServletResponseWrapper {

        YearLongMeansImmutable(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            boolean yearLong = HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)
                    && value != null
                    && value.startsWith("max-age=31536000");
            super.setHeader(name, yearLong ? value + ", immutable" : value);
        }
    }
}
