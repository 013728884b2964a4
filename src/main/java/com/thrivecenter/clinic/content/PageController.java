package com.thrivecenter.clinic.content;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * What is left of the content URL space once the content page filter has served every published page: a
 * trailing slash redirects permanently to the page, and any other path has no page.
 */
@Controller
public class PageController {

    private final ContentRepository repository;

    public PageController(ContentRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/{*path}")
    public ResponseEntity<Void> noPageHere(HttpServletRequest request) {
        // The raw, still-encoded path: "%2f" or "%2e%2e" can never decode into the address of a page.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() < 2 || !path.endsWith("/")) {
            throw notFound();
        }
        Page page = Slug.fromRequestPath(path.substring(0, path.length() - 1)).flatMap(repository::find)
                .orElseThrow(PageController::notFound);
        String query = request.getQueryString();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create(query == null ? page.url() : page.url() + "?" + query)).build();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
