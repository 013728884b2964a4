package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.SecurityHeaders;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.web.RenderedPages.RenderedPage;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.ETag;

/**
 * The fast way to a published page: in Jetty, ahead of the servlets, for the plain requests a browser or a shared
 * cache makes for one (GET or HEAD with no query, no body and no condition but If-None-Match, over HTTPS where the
 * site is HTTPS). Such a request needs no filter (no parameters to clean, no body to read, nothing to redirect),
 * and once the page is rendered its answer is bytes already in memory, written without waiting: so it is answered
 * on the thread that read it, with no hand-over to another thread, which serves about a third more pages a second
 * (bench/README.md).
 *
 * <p>Every other request, pages with a query or a condition among them ({@link PublishedPageFilter}), is handed to
 * Jetty's thread pool and goes through the servlets as before: it may block, on a body or the database.
 */
final class PublishedPageHandler extends Handler.Wrapper {

    private final Supplier<RenderedPages> pages;
    private final Supplier<PageHeaders> pageHeaders;
    private final Supplier<SecurityHeaders> securityHeaders;

    PublishedPageHandler(
            Handler application,
            Supplier<RenderedPages> pages,
            Supplier<PageHeaders> pageHeaders,
            Supplier<SecurityHeaders> securityHeaders) {
        super(application);
        this.pages = pages;
        this.pageHeaders = pageHeaders;
        this.securityHeaders = securityHeaders;
    }

    /** This handler never blocks: Jetty may call it on the thread that read the request. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Optional<RenderedPage> page = plain(request) ? find(request) : Optional.empty();
        if (page.isPresent()) {
            write(page.get(), request, response, callback);
        } else {
            request.getComponents().getExecutor().execute(() -> application(request, response, callback));
        }
        return true;
    }

    private void application(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }

    private boolean plain(Request request) {
        String method = request.getMethod();
        HttpFields headers = request.getHeaders();
        return (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method))
                && request.getHttpURI().getQuery() == null
                && request.getLength() <= 0
                && !headers.contains(HttpHeader.TRANSFER_ENCODING)
                && !headers.contains(HttpHeader.IF_MATCH)
                && !headers.contains(HttpHeader.IF_UNMODIFIED_SINCE)
                && !(securityHeaders.get().httpsSite() && !request.isSecure());
    }

    /**
     * The page at the raw path ("%2f" or "%2e%2e" can never decode into the address of a page), once it is rendered:
     * a page not rendered yet is rendered on Jetty's thread pool, by the servlets' way, and comes this way after.
     */
    private Optional<RenderedPage> find(Request request) {
        return Slug.fromRequestPath(request.getHttpURI().getPath()).flatMap(pages.get()::ready);
    }

    private void write(RenderedPage page, Request request, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        pageHeaders.get().addTo(headers, request.isSecure());
        headers.add(new HttpField(HttpHeader.ETAG, page.etag()));
        if (notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), page.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return;
        }
        PageEncoding encoding = PageEncoding.of(page, request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        byte[] body = encoding.body(page);
        PageHeaders.describeBody(headers, encoding, body.length);
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
    }

    /** If-None-Match names the page's tag, weakly compared (RFC 9110), or is "*". */
    private static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        ETag tag = ETag.create(etag);
        return ETag.parse(ifNoneMatch).stream().anyMatch(asked -> asked.isWildcard() || asked.compare(tag, false));
    }
}
