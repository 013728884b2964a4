package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty refuses some requests before any application sees them, and would answer with its own bare page: a request
 * it cannot parse, headers that are too large, a path it will not decode ("/%2e%2e/etc"). This answers them with the
 * site's own error page: 404 for a path that can name no page, Jetty's status for anything else.
 */
final class RefusedRequestHandler implements Request.Handler {

    private final IntFunction<byte[]> errorPage;
    private final Supplier<SecurityHeaders> securityHeaders;

    RefusedRequestHandler(IntFunction<byte[]> errorPage, Supplier<SecurityHeaders> securityHeaders) {
        this.errorPage = errorPage;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = status(request, response);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        // Jetty keeps nothing of a request it could not read, not even how it came: HSTS goes with every answer of an
        // HTTPS site (browsers ignore it over plain HTTP).
        securityHeaders.get().headers(true).forEach(headers::put);
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        headers.put(MimeTypes.Type.TEXT_HTML_UTF_8.getContentTypeField());
        byte[] page = errorPage.apply(status);
        headers.put(HttpHeader.CONTENT_LENGTH, page.length);
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? null : ByteBuffer.wrap(page), callback);
        return true;
    }

    private static int status(Request request, Response response) {
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable failure
                && failure instanceof HttpException refused) {
            // Jetty keeps nothing of a request line it could not read; a path it could not decode fails with this.
            return failure.getCause() instanceof IllegalArgumentException
                    ? HttpStatus.NOT_FOUND_404
                    : refused.getCode();
        }
        int status = response.getStatus();
        return status == HttpStatus.BAD_REQUEST_400
                        && unreadablePath(request.getHttpURI().getPath())
                ? HttpStatus.NOT_FOUND_404
                : status;
    }

    /** Encoded characters, dot segments or backslashes: the tricks that make Jetty give up on a path. */
    private static boolean unreadablePath(String rawPath) {
        return rawPath != null && (rawPath.contains("%") || rawPath.contains("..") || rawPath.contains("\\"));
    }
}
