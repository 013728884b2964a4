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
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.http.HttpHeaders;

/**
 * The headers every answer with a page carries (the security headers, Cache-Control and Vary), encoded once. Tomcat
 * encodes each header name and value it is given as a String for every response, with a new charset encoder each
 * time: on the fast way to a page ({@link PublishedPageValve}) that was two thirds of the garbage a page request
 * made (bench/README.md). Given to Tomcat's own response as bytes, they are copied as they are.
 *
 * <p>Each response gets its own copy of a value: Tomcat keeps a header's buffer for the next response on the
 * connection and writes a Content-Length into it when it is large enough, which would overwrite shared bytes.
 */
final class PageHeaders {

    private record Line(String name, String value, byte[] nameBytes, byte[] valueBytes) {
        static Line of(String name, String value) {
            // Header names and these values are ASCII, which is what Tomcat writes them in.
            return new Line(
                    name, value, name.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private final List<Line> overHttp;
    private final List<Line> overHttps;

    PageHeaders(SecurityHeaders security, String cacheControl) {
        this.overHttp = lines(security.headers(false), cacheControl);
        this.overHttps = lines(security.headers(true), cacheControl);
    }

    private static List<Line> lines(Map<String, String> securityHeaders, String cacheControl) {
        List<Line> lines = new ArrayList<>();
        securityHeaders.forEach((name, value) -> lines.add(Line.of(name, value)));
        lines.add(Line.of(HttpHeaders.CACHE_CONTROL, cacheControl));
        lines.add(Line.of(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING));
        return List.copyOf(lines);
    }

    /** Sets the headers on the response, replacing any of the same name, as {@code setHeader} does. */
    void writeTo(HttpServletRequest request, HttpServletResponse response) {
        List<Line> lines = request.isSecure() ? overHttps : overHttp;
        if (response instanceof Response tomcat && !tomcat.isCommitted()) {
            MimeHeaders headers = tomcat.getCoyoteResponse().getMimeHeaders();
            for (Line line : lines) {
                headers.removeHeader(line.name());
                headers.addValue(line.nameBytes(), 0, line.nameBytes().length)
                        .setBytes(
                                Arrays.copyOf(line.valueBytes(), line.valueBytes().length),
                                0,
                                line.valueBytes().length);
            }
        } else {
            lines.forEach(line -> response.setHeader(line.name(), line.value()));
        }
    }
}
