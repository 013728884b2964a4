package com.thrivecenter.clinic.content;

import com.thrivecenter.clinic.content.RenderedPages.RenderedPage;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves every published content page at its clean URL, from bytes rendered and compressed in advance. A
 * browser that already has the page (a matching If-None-Match) gets 304 and no body.
 */
@Controller
public class PageController {

    private final ContentRepository repository;
    private final RenderedPages rendered;
    private final CacheControl cacheControl;

    public PageController(ContentRepository repository, RenderedPages rendered,
            @Value("${clinic.content.max-age:5m}") Duration maxAge) {
        this.repository = repository;
        this.rendered = rendered;
        this.cacheControl = CacheControl.maxAge(maxAge).cachePublic();
    }

    @GetMapping("/{*path}")
    public ResponseEntity<byte[]> page(HttpServletRequest request) {
        // The raw, still-encoded path: "%2f" or "%2e%2e" can never decode into the address of a page.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() > 1 && path.endsWith("/")) {
            String target = find(path.substring(0, path.length() - 1)).url();
            String query = request.getQueryString();
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(query == null ? target : target + "?" + query)).build();
        }
        RenderedPage page = rendered.get(find(path));
        boolean gzip = acceptsGzip(request);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(cacheControl)
                .eTag(page.etag())
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.body(gzip ? page.gzipped() : page.html());
    }

    private Page find(String path) {
        return Slug.fromRequestPath(path).flatMap(repository::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accepted != null && Arrays.stream(accepted.split(","))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .anyMatch(coding -> coding.equals("gzip") || (coding.startsWith("gzip;") && !coding.replace(" ", "").endsWith("q=0")));
    }
}
