package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.LargerBody;
import com.thrivecenter.clinic.SecurityHeaders;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee11.servlet.ServletApiRequest;
import org.springframework.boot.jetty.autoconfigure.JettyServerProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body in full before the application sees the request, without holding a request thread
 * while the bytes arrive: a client trickling a body byte by byte would otherwise keep one of Jetty's threads for
 * as long as it liked, and a few hundred such clients would keep them all. Jetty calls back as bytes come in;
 * once the body is complete, the request is dispatched again and goes down the chain as a fresh request whose
 * body and form fields are served from memory.
 *
 * <p>The one place for body limits: a body larger than {@code server.jetty.max-http-form-post-size} (or, at an
 * address a feature declared a {@link LargerBody} for, than that) is refused with 413 (the container alone would drop a
 * form's fields silently, and the patient would see "form expired"), and one that is not complete within
 * {@code clinic.limits.body-timeout} with 408, both with the site's page.
 *
 * <p>Runs right after the character encoding is set, before anything that reads parameters or the body: a filter
 * ahead of this one that asked for a parameter would make Jetty read the body on its thread after all.
 */
@Component
@Order(RequestBodyFilter.ORDER)
public class RequestBodyFilter extends OncePerRequestFilter {

    /** Filters that read or wrap parameters come after this. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private static final String BODY = RequestBodyFilter.class.getName() + ".body";

    private final long formMaxBytes;
    private final Map<String, Long> largerBodies;
    private final LimitsProperties limits;
    private final RefusalPages refusalPages;
    private final SecurityHeaders securityHeaders;

    public RequestBodyFilter(
            JettyServerProperties jetty,
            List<LargerBody> largerBodies,
            LimitsProperties limits,
            RefusalPages refusalPages,
            SecurityHeaders securityHeaders) {
        this.formMaxBytes = jetty.getMaxHttpFormPostSize().toBytes();
        this.largerBodies = largerBodies.stream()
                .collect(Collectors.toUnmodifiableMap(
                        LargerBody::path, larger -> larger.maxSize().toBytes()));
        this.limits = limits;
        this.refusalPages = refusalPages;
        this.securityHeaders = securityHeaders;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            replay(request, response, chain);
        } else if (!hasBody(request)) {
            chain.doFilter(request, response);
        } else if (readsWithoutThread(request)) {
            readThenDispatch(request, response);
        } else if (request.getContentLengthLong() > maxBytes(request)) {
            answer(request, response, HttpStatus.CONTENT_TOO_LARGE);
        } else {
            // A mock request (MockMvc) holds its body in memory already, and cannot be read asynchronously.
            chain.doFilter(request, response);
        }
    }

    /** The dispatch this filter asked for once the body was in: the request goes on, with its body. */
    private static void replay(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(BODY) instanceof byte[] body) {
            request.removeAttribute(BODY);
            chain.doFilter(new ReplayedRequest(request, body), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void readThenDispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long limit = maxBytes(request);
        ServletInputStream input = request.getInputStream();
        AsyncContext async = request.startAsync();
        async.setTimeout(limits.bodyTimeout().toMillis());
        BodyReader reader = new BodyReader(
                async,
                input,
                limit,
                body -> {
                    request.setAttribute(BODY, body);
                    async.dispatch();
                },
                status -> answer(request, response, status));
        async.addListener(reader);
        // Once a listener is set, whatever Jetty still reads of this body it reads without waiting for it.
        input.setReadListener(reader);
        if (request.getContentLengthLong() > limit) {
            reader.refuse(HttpStatus.CONTENT_TOO_LARGE);
        } else if (request.getServletContext().getRequestDispatcher(pathWithinSite(request)) == null) {
            // An encoded "/../" or "//" that Jetty cannot dispatch to again: a path that names no page.
            reader.refuse(HttpStatus.NOT_FOUND);
        }
    }

    private long maxBytes(HttpServletRequest request) {
        return largerBodies.getOrDefault(pathWithinSite(request), formMaxBytes);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Jetty's own request, whose connector can read a body without a thread. */
    private static boolean readsWithoutThread(ServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return inner instanceof ServletApiRequest;
    }

    private static String pathWithinSite(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The site's page, written here: the request is refused before Spring MVC or Spring Security see it. */
    private void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        byte[] page = refusalPages.page(status.value());
        response.setStatus(status.value());
        securityHeaders.writeTo(request, response);
        // The rest of the body is never read, so the connection cannot carry another request.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        // No declared length: the answer stays open while the rest of a refused body is read (see BodyReader).
        response.getOutputStream().write(page);
        response.flushBuffer();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
