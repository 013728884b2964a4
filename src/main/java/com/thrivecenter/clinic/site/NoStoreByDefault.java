package com.thrivecenter.clinic.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.header.HeaderWriter;

/**
 * No cache keeps a response that does not set its own Cache-Control: the form, its answers, the staff area. Spring
 * Security's own writer also stands back for a response with an Expires header, which Jetty adds to every response
 * that sets a cookie (the contact form's), and so left the form without it.
 */
final class NoStoreByDefault implements HeaderWriter {

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HttpHeaders.CACHE_CONTROL)
                || response.getStatus() == HttpStatus.NOT_MODIFIED.value()) {
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setHeader(HttpHeaders.EXPIRES, "0");
    }
}
