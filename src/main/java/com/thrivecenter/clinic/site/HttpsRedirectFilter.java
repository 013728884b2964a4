package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where the site's address (clinic.base-url) is HTTPS, a request that came over plain HTTP (straight to the site,
 * or through a trusted proxy that says X-Forwarded-Proto: http) is sent permanently to the same path and query on
 * the base URL's host over HTTPS, before anything else reads it: nothing a patient types travels in the clear
 * twice. The host is the configured one, never one taken from the request. The health check is left alone, so a
 * monitor may ask over HTTP on the machine itself. An HTTP base URL (the local default) changes nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class HttpsRedirectFilter extends OncePerRequestFilter {

    private static final String HEALTH = "/actuator/health";

    private final SecurityHeaders securityHeaders;
    private final String httpsOrigin;

    public HttpsRedirectFilter(SecurityHeaders securityHeaders, ClinicProperties clinic) {
        this.securityHeaders = securityHeaders;
        URI base = clinic.baseUrl();
        this.httpsOrigin = "https://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !securityHeaders.redirectsToHttps(request) || isHealthCheck(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        String query = request.getQueryString();
        response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
        response.setHeader(
                HttpHeaders.LOCATION, httpsOrigin + request.getRequestURI() + (query == null ? "" : "?" + query));
        securityHeaders.writeTo(request, response);
    }

    private static boolean isHealthCheck(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    }
}
