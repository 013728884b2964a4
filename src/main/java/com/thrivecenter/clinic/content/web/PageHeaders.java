package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The headers of an answer with a page, handed to Tomcat's own response as bytes. Tomcat encodes each header name
 * and value it is given as a String for every response, with a new charset encoder each time: on the fast way to a
 * page ({@link PublishedPageValve}) that was most of the garbage a page request made (bench/README.md). The fixed
 * ones are encoded once; Date once a second; the ETag, set by Spring's conditional-request check, is turned into
 * bytes after it. With its Content-Type given as a header, Tomcat also skips weighing the page for its own
 * compression: a page is sent as the client asked for it ({@link PageEncoding}).
 *
 * <p>Each response gets its own copy of a value: Tomcat keeps a header's buffer for the next response on the
 * connection and writes a Content-Length into it when it is large enough, which would overwrite shared bytes. Names
 * are shared: Tomcat never writes into a name (and each is shorter than what it would reuse).
 */
final class PageHeaders {

    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private record Line(String name, String value, byte[] nameBytes, byte[] valueBytes) {
        static Line of(String name, String value) {
            // Header names and these values are ASCII, which is what Tomcat writes them in.
            return new Line(name, value, ascii(name), ascii(value));
        }

        void addTo(MimeHeaders headers) {
            headers.addValue(nameBytes, 0, nameBytes.length)
                    .setBytes(Arrays.copyOf(valueBytes, valueBytes.length), 0, valueBytes.length);
        }
    }

    private static final Line CONTENT_TYPE = Line.of(HttpHeaders.CONTENT_TYPE, HTML);
    private static final byte[] CONTENT_LENGTH = ascii(HttpHeaders.CONTENT_LENGTH);
    private static final byte[] ETAG = ascii(HttpHeaders.ETAG);

    private final List<Line> overHttp;
    private final List<Line> overHttps;
    private volatile Line date = Line.of(HttpHeaders.DATE, "");

    PageHeaders(SecurityHeaders security, String cacheControl) {
        this.overHttp = lines(security.headers(false), cacheControl);
        this.overHttps = lines(security.headers(true), cacheControl);
    }

    private static List<Line> lines(Map<String, String> securityHeaders, String cacheControl) {
        List<Line> lines = new ArrayList<>();
        securityHeaders.forEach((name, value) -> lines.add(Line.of(name, value)));
        lines.add(Line.of(HttpHeaders.CACHE_CONTROL, cacheControl));
        // In lower case, as Tomcat rewrites it on the responses it may compress (a page with a query string goes
        // that way, through the filters): the same page reads the same either way.
        lines.add(Line.of(HttpHeaders.VARY, "accept-encoding"));
        return List.copyOf(lines);
    }

    /**
     * Sets the headers of any answer with a page, 304 included, replacing any of the same name as {@code setHeader}
     * does; on Tomcat's own response also the Date, which Tomcat would add as a String.
     */
    void writeTo(HttpServletRequest request, HttpServletResponse response) {
        List<Line> lines = request.isSecure() ? overHttps : overHttp;
        if (response instanceof Response tomcat && !tomcat.isCommitted()) {
            MimeHeaders headers = tomcat.getCoyoteResponse().getMimeHeaders();
            for (Line line : lines) {
                headers.removeHeader(line.name());
                line.addTo(headers);
            }
            headers.removeHeader(HttpHeaders.DATE);
            currentDate().addTo(headers);
        } else {
            lines.forEach(line -> response.setHeader(line.name(), line.value()));
        }
    }

    /** Turns the page's ETag, as the conditional-request check set it, into bytes. */
    void etagAsBytes(HttpServletResponse response, String etag) {
        if (response instanceof Response tomcat && !tomcat.isCommitted()) {
            MimeHeaders headers = tomcat.getCoyoteResponse().getMimeHeaders();
            int at = headers.findHeader(HttpHeaders.ETAG, 0);
            // Only the page's own tag, ASCII and free of control characters, is passed on without Tomcat's filter.
            if (at >= 0
                    && headers.getValue(at).getType() == MessageBytes.T_STR
                    && etag.equals(headers.getValue(at).getString())) {
                byte[] value = ascii(etag);
                headers.getName(at).setBytes(ETAG, 0, ETAG.length);
                headers.getValue(at).setBytes(value, 0, value.length);
            }
        }
    }

    /** Describes the body that follows: HTML, in the given coding ("identity" is never named), of so many bytes. */
    void describeBody(HttpServletResponse response, PageEncoding encoding, int length) {
        response.setContentLength(length);
        // A String: Tomcat's compression check reads a response's coding back as one, which would decode bytes.
        encoding.contentEncoding().ifPresent(coding -> response.setHeader(HttpHeaders.CONTENT_ENCODING, coding));
        if (response instanceof Response tomcat && !tomcat.isCommitted()) {
            MimeHeaders headers = tomcat.getCoyoteResponse().getMimeHeaders();
            CONTENT_TYPE.addTo(headers);
            // Tomcat sets its value again from the length above, into this same header.
            byte[] digits = ascii(Integer.toString(length));
            headers.addValue(CONTENT_LENGTH, 0, CONTENT_LENGTH.length).setBytes(digits, 0, digits.length);
        } else {
            response.setContentType(HTML);
        }
    }

    /** Tomcat's own Date for this second, encoded once a second. */
    private Line currentDate() {
        String now = FastHttpDateFormat.getCurrentDate();
        Line line = date;
        if (!line.value().equals(now)) {
            line = Line.of(HttpHeaders.DATE, now);
            date = line;
        }
        return line;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
