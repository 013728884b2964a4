package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before any application sees them, and would answer with its own bare page: a
 * path it cannot decode or normalise ("/%2e%2e/etc"), or headers that are too large. This valve answers them
 * with the site's own error page: 404 for a path that can name no page, Tomcat's status for anything else.
 */
class RefusedRequestValve extends ValveBase {

    private final IntFunction<byte[]> errorPage;
    private final Supplier<SecurityHeaders> securityHeaders;

    RefusedRequestValve(IntFunction<byte[]> errorPage, Supplier<SecurityHeaders> securityHeaders) {
        super(true);
        this.errorPage = errorPage;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContext() == null
                && response.isError()
                && !response.isCommitted()
                && response.setErrorReported()) {
            int status = unreadablePath(request.getRequestURI()) ? HttpStatus.NOT_FOUND.value() : response.getStatus();
            response.reset();
            response.setSuspended(false); // sendError suspended the output; this page is its body
            response.setStatus(status);
            securityHeaders.get().writeTo(request, response);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getOutputStream().write(errorPage.apply(status));
            return;
        }
        getNext().invoke(request, response);
    }

    /** Encoded characters, dot segments or backslashes: the tricks that make Tomcat give up on a path. */
    private static boolean unreadablePath(String rawPath) {
        return rawPath != null && (rawPath.contains("%") || rawPath.contains("..") || rawPath.contains("\\"));
    }
}
