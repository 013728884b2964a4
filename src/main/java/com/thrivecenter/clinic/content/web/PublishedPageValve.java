package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.SecurityHeaders;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The fast way to a published page: in Tomcat, ahead of the servlet filters, for the plain requests a browser or
 * a shared cache makes for one (GET or HEAD with no query and no body, over HTTPS where the site is HTTPS). The
 * site's filters have nothing to do for such a request (no parameters to clean, no body to read, nothing to
 * redirect); skipping them and the servlet machinery serves about a sixth more pages a second (bench/run.sh).
 * Every other request goes on through the filters as before, to {@link PublishedPageFilter} for a page.
 */
class PublishedPageValve extends ValveBase {

    private final Supplier<PublishedPageResponder> responder;
    private final Supplier<SecurityHeaders> securityHeaders;

    PublishedPageValve(Supplier<PublishedPageResponder> responder, Supplier<SecurityHeaders> securityHeaders) {
        super(true);
        this.responder = responder;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (plain(request) && responder.get().answer(request, response)) {
            return;
        }
        getNext().invoke(request, response);
    }

    private boolean plain(Request request) {
        String method = request.getMethod();
        return (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method))
                && request.getQueryString() == null
                && request.getContentLengthLong() <= 0
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
                && !securityHeaders.get().redirectsToHttps(request);
    }
}
