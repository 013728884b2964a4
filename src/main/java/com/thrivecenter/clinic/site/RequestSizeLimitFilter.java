package com.thrivecenter.clinic.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the form limit with 413 and the site's page. Tomcat alone would drop the
 * form's fields silently, and the patient would see a confusing "form expired" answer instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    // Tomcat records why it could not read a form's fields under this request attribute.
    private static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

    private final long maxBytes;
    private final ObjectProvider<ErrorPageRenderer> errorPage;

    public RequestSizeLimitFilter(@Value("${server.tomcat.max-http-form-post-size}") DataSize maxFormSize,
            ObjectProvider<ErrorPageRenderer> errorPage) {
        this.maxBytes = maxFormSize.toBytes();
        this.errorPage = errorPage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes || bodyWasTooLarge(request)) {
            errorPage.getObject().send(response, HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }

    /** A body without a declared length is only measured when the form is read. */
    private static boolean bodyWasTooLarge(HttpServletRequest request) {
        if (request.getContentLengthLong() >= 0 || !"POST".equals(request.getMethod())) {
            return false;
        }
        request.getParameterMap();
        return String.valueOf(request.getAttribute(PARSE_FAILED_REASON)).equals("POST_TOO_LARGE");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
