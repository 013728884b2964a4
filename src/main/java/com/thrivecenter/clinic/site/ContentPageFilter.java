package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentProperties;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.RenderedPages;
import com.thrivecenter.clinic.content.RenderedPages.RenderedPage;
import com.thrivecenter.clinic.content.Slug;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves published content pages straight from memory, ahead of Spring Security and Spring MVC: a public page
 * needs no session, no authentication and no dispatching, only its bytes and headers. A path is a page only
 * through the loaded content, which never holds one at the application's own (reserved) addresses, so
 * everything else (forms, the staff area, the health check, redirects, unknown paths) goes down the chain as usual.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ContentPageFilter extends OncePerRequestFilter {

    private final ContentRepository content;
    private final RenderedPages rendered;
    private final String cacheControl;

    public ContentPageFilter(ContentRepository content, RenderedPages rendered, ContentProperties properties) {
        this.content = content;
        this.rendered = rendered;
        this.cacheControl = CacheControl.maxAge(properties.maxAge()).cachePublic().getHeaderValue();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Page> page = publishedPage(request);
        if (page.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RenderedPage bytes = rendered.get(page.get());
        SecurityHeaders.ALL.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", SecurityHeaders.HSTS);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ETAG, bytes.etag());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), bytes.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        byte[] body = gzip ? bytes.gzipped() : bytes.html();
        response.setContentType("text/html;charset=UTF-8");
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Only GET and HEAD of the raw path of a published page; "%2f" or "%2e%2e" can never decode into one. */
    private Optional<Page> publishedPage(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return Slug.fromRequestPath(path).flatMap(content::find);
    }

    /** If-None-Match holds the page's tag (weak comparison, as for any GET), or "*". */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals(opaque) || tag.equals("W/" + opaque));
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && Arrays.stream(acceptEncoding.split(","))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT).replace(" ", ""))
                .anyMatch(coding -> coding.equals("gzip") || (coding.startsWith("gzip;") && !coding.matches("gzip;q=0(\\.0*)?")));
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
