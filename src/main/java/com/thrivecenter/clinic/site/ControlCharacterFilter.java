package com.thrivecenter.clinic.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request parameter reaches the application without control characters (see {@link ControlCharacters}):
 * form fields, searches, and Spring Security's sign-in form alike, since this filter runs ahead of them all.
 * The parameters are cleaned when first read, so a request that reads none (a content page) pays nothing.
 */
@Component
@Order(RequestBodyFilter.ORDER + 1)
public class ControlCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new CleanParameters(request), response);
    }

    /** The request with its parameter values cleaned, once, on first use. */
    static final class CleanParameters extends ParameterMapRequest {

        private Map<String, String[]> parameters;

        CleanParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> cleaned = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> cleaned.put(name, clean(values)));
                parameters = Collections.unmodifiableMap(cleaned);
            }
            return parameters;
        }

        private static String[] clean(String[] values) {
            String[] cleaned = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                cleaned[i] = ControlCharacters.strip(values[i]);
            }
            return cleaned;
        }
    }
}
