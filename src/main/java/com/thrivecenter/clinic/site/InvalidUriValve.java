package com.thrivecenter.clinic.site;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses a path it cannot decode or normalise before any application sees it, and would answer with
 * its own bare page. This valve answers such a request with the site's "page not found" page instead.
 */
class InvalidUriValve extends ValveBase {

    private final Supplier<String> notFoundPage;

    InvalidUriValve(Supplier<String> notFoundPage) {
        super(true);
        this.notFoundPage = notFoundPage;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContext() == null && response.isError() && !response.isCommitted()
                && response.setErrorReported()) {
            response.reset();
            response.setSuspended(false); // sendError suspended the output; this page is its body
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getWriter().write(notFoundPage.get());
            return;
        }
        getNext().invoke(request, response);
    }
}
