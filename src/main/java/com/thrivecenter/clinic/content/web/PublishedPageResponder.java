package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.SecurityHeaders;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.web.RenderedPages.Found;
import com.thrivecenter.clinic.content.web.RenderedPages.Moved;
import com.thrivecenter.clinic.content.web.RenderedPages.RenderedPage;
import com.thrivecenter.clinic.content.web.RenderedPages.Served;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers a request for a published content page from memory: a public page needs no session, no authentication
 * and no dispatching, only its bytes and headers (and only GET and HEAD). A path is a page only through the loaded
 * content, which never holds one at the application's own (reserved) addresses, so a request for anything else
 * (forms, the staff area, the health check, unknown paths) is left to the application.
 */
@Component
class PublishedPageResponder {

    private final RenderedPages pages;
    private final SecurityHeaders securityHeaders;
    private final PageHeaders pageHeaders;

    PublishedPageResponder(RenderedPages pages, SecurityHeaders securityHeaders, PageHeaders pageHeaders) {
        this.pages = pages;
        this.securityHeaders = securityHeaders;
        this.pageHeaders = pageHeaders;
    }

    /** Whether this request was for a page (or a page's old address) and has been answered. */
    boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Found> found = find(request);
        String method = request.getMethod();
        if (found.isEmpty() || HttpMethod.OPTIONS.matches(method)) {
            return false;
        }
        if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
            response.sendError(HttpStatus.METHOD_NOT_ALLOWED.value());
            return true;
        }
        if (found.get() instanceof Moved moved) {
            securityHeaders.writeTo(request, response);
            String query = request.getQueryString();
            response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
            response.setHeader(HttpHeaders.LOCATION, query == null ? moved.url() : moved.url() + "?" + query);
            return true;
        }
        write(((Served) found.get()).page(), request, response);
        return true;
    }

    private void write(RenderedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        pageHeaders.writeTo(request, response);
        if (new ServletWebRequest(request, response).checkNotModified(page.etag())) {
            return;
        }
        PageEncoding encoding = PageEncoding.of(page, request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        byte[] body = encoding.body(page);
        // A response that names its coding is one the server's own compression leaves alone.
        PageHeaders.describeBody(response, encoding, body.length);
        if (!HttpMethod.HEAD.matches(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** What is at the raw path; "%2f" or "%2e%2e" can never decode into the address of a page. */
    private Optional<Found> find(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return Slug.fromRequestPath(path).flatMap(pages::find);
    }
}
