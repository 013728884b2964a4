package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.springframework.http.HttpHeaders;

/**
 * The headers of an answer with a page: the security headers, the caching rules and {@code Vary}. On the fast way
 * to a page ({@link PublishedPageHandler}) they go to Jetty already encoded, once for all responses; on the
 * servlet way ({@link PublishedPageFilter}) they are set by name.
 */
final class PageHeaders {

    /** Jetty's own spelling, which it gives any HTML in UTF-8 a servlet sends: both ways to a page say the same. */
    private static final HttpField HTML_FIELD = MimeTypes.Type.TEXT_HTML_UTF_8.getContentTypeField();

    private static final String HTML = HTML_FIELD.getValue();
    private static final Map<PageEncoding, HttpField> CODINGS = codings();

    private final List<HttpField> overHttp;
    private final List<HttpField> overHttps;

    PageHeaders(SecurityHeaders security, String cacheControl) {
        this.overHttp = fields(security.headers(false), cacheControl);
        this.overHttps = fields(security.headers(true), cacheControl);
    }

    private static List<HttpField> fields(Map<String, String> securityHeaders, String cacheControl) {
        List<HttpField> fields = new ArrayList<>();
        securityHeaders.forEach((name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        fields.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl));
        fields.add(new PreEncodedHttpField(HttpHeader.VARY, HttpHeaders.ACCEPT_ENCODING));
        return List.copyOf(fields);
    }

    private static Map<PageEncoding, HttpField> codings() {
        Map<PageEncoding, HttpField> codings = new EnumMap<>(PageEncoding.class);
        for (PageEncoding encoding : PageEncoding.values()) {
            encoding.contentEncoding()
                    .ifPresent(coding ->
                            codings.put(encoding, new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, coding)));
        }
        return codings;
    }

    /** Adds the headers of any answer with a page, 304 included, to a response that has none of them yet. */
    void addTo(HttpFields.Mutable headers, boolean overHttps) {
        (overHttps ? this.overHttps : overHttp).forEach(headers::add);
    }

    /** Sets the same headers by name, replacing any of the same name. */
    void writeTo(HttpServletRequest request, HttpServletResponse response) {
        (request.isSecure() ? overHttps : overHttp)
                .forEach(field -> response.setHeader(field.getName(), field.getValue()));
    }

    /** Describes the body that follows: HTML, in the given coding ("identity" is never named), of so many bytes. */
    static void describeBody(HttpFields.Mutable headers, PageEncoding encoding, int length) {
        headers.add(HTML_FIELD);
        HttpField coding = CODINGS.get(encoding);
        if (coding != null) {
            headers.add(coding);
        }
        headers.add(HttpHeader.CONTENT_LENGTH, length);
    }

    /** The same on a servlet response. */
    static void describeBody(HttpServletResponse response, PageEncoding encoding, int length) {
        response.setContentType(HTML);
        response.setContentLength(length);
        encoding.contentEncoding().ifPresent(coding -> response.setHeader(HttpHeaders.CONTENT_ENCODING, coding));
    }
}
