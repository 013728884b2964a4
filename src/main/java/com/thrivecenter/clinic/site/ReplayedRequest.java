package com.thrivecenter.clinic.site;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.springframework.http.MediaType;

/**
 * A request whose body was read into memory before the application saw it, handed back to the application as if
 * it had just arrived: a REQUEST dispatch (so every filter, Spring Security's among them, treats it as the
 * request it is), whose input stream and reader serve the body, and whose parameters are the query string's
 * followed by a form body's, as the servlet container would have parsed them. A multipart body (a file upload)
 * is parsed by the container's own parser, from memory: its parts are served by {@link #getParts()} and its text
 * fields join the parameters, as the container does.
 */
final class ReplayedRequest extends ParameterMapRequest {

    /** As many parts as a form of the site could send, and more: a body of thousands of tiny parts is refused. */
    private static final int MOST_PARTS = 50;

    private record Multipart(List<Part> parts, Map<String, List<String>> fields) {

        static final Multipart NONE = new Multipart(List.of(), Map.of());
    }

    private final byte[] body;
    private ServletInputStream input;
    private BufferedReader reader;
    private Map<String, String[]> parameters;
    private Multipart multipart;

    ReplayedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public ServletInputStream getInputStream() {
        if (input == null) {
            input = new BodyInputStream(new ByteArrayInputStream(body));
        }
        return input;
    }

    @Override
    public BufferedReader getReader() {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
        }
        return reader;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            parameters = Collections.unmodifiableMap(parseParameters());
        }
        return parameters;
    }

    /**
     * The query string's fields (in UTF-8, as the container reads a URL), then the body's. Not the container's own
     * parameters: it would read them from a body it no longer has.
     */
    private Map<String, String[]> parseParameters() {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        addFields(merged, getQueryString(), StandardCharsets.UTF_8);
        if (isPost(MediaType.APPLICATION_FORM_URLENCODED)) {
            Charset charset = charset();
            addFields(merged, new String(body, charset), charset);
        }
        multipart().fields().forEach((name, values) -> merged.computeIfAbsent(name, absent -> new ArrayList<>())
                .addAll(values));
        Map<String, String[]> result = new LinkedHashMap<>();
        merged.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
        return result;
    }

    private static void addFields(Map<String, List<String>> fields, String encoded, Charset charset) {
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                addField(fields, pair, charset);
            }
        }
    }

    /** One "name=value" pair; like the container, a pair that is not properly encoded is left out. */
    private static void addField(Map<String, List<String>> fields, String pair, Charset charset) {
        if (pair.isEmpty()) {
            return;
        }
        int equals = pair.indexOf('=');
        String rawName = equals < 0 ? pair : pair.substring(0, equals);
        String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
        try {
            String name = URLDecoder.decode(rawName, charset);
            String value = URLDecoder.decode(rawValue, charset);
            fields.computeIfAbsent(name, absent -> new ArrayList<>()).add(value);
        } catch (IllegalArgumentException badEscape) {
            // "%zz" or a lone "%": the container would skip this field too.
        }
    }

    @Override
    public Collection<Part> getParts() throws ServletException {
        if (!isPost(MediaType.MULTIPART_FORM_DATA)) {
            throw new ServletException("Not a multipart request");
        }
        return multipart().parts();
    }

    @Override
    public Part getPart(String name) throws ServletException {
        return getParts().stream()
                .filter(part -> part.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    private Multipart multipart() {
        if (multipart == null) {
            multipart = isPost(MediaType.MULTIPART_FORM_DATA) ? parseMultipart() : Multipart.NONE;
        }
        return multipart;
    }

    /** Like the container, a body that is not proper multipart yields no parts and no fields. */
    private Multipart parseMultipart() {
        String boundary = MultiPart.extractBoundary(getContentType());
        if (boundary == null) {
            return Multipart.NONE;
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        // Every part stays in memory, where the body already is: nothing is written to disk.
        parser.setMaxMemoryFileSize(body.length + 1L);
        parser.setMaxParts(MOST_PARTS);
        try {
            List<Part> parts = new ArrayList<>();
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (MultiPart.Part part : parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(body)))
                    .join()) {
                parts.add(new BodyPart(part));
                if (part.getFileName() == null) {
                    fields.computeIfAbsent(part.getName(), absent -> new ArrayList<>())
                            .add(part.getContentAsString(charset()));
                }
            }
            return new Multipart(List.copyOf(parts), fields);
        } catch (CompletionException unreadable) {
            return Multipart.NONE;
        }
    }

    private boolean isPost(MediaType type) {
        if (!"POST".equals(getMethod()) || getContentType() == null) {
            return false;
        }
        try {
            return type.equalsTypeAndSubtype(MediaType.parseMediaType(getContentType()));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private Charset charset() {
        String encoding = getCharacterEncoding();
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The body, already complete: always ready, never blocking. */
    private static final class BodyInputStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BodyInputStream(ByteArrayInputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        /** As for any request that is not asynchronous: the body is read by blocking calls, which never block here. */
        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("The request body was already read");
        }
    }
}
