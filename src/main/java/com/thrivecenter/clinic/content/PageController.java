package com.thrivecenter.clinic.content;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Serves every published content page at its clean URL. */
@Controller
public class PageController {

    private final ContentRepository repository;

    public PageController(ContentRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/{*path}")
    public ModelAndView page(HttpServletRequest request) {
        // The raw, still-encoded path: "%2f" or "%2e%2e" can never decode into the address of a page.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() > 1 && path.endsWith("/")) {
            return permanentRedirect(find(path.substring(0, path.length() - 1)), request.getQueryString());
        }
        Page page = find(path);
        return new ModelAndView("page")
                .addObject("page", page)
                .addObject("breadcrumbs", repository.breadcrumbs(page));
    }

    private Page find(String path) {
        return Slug.fromRequestPath(path).flatMap(repository::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ModelAndView permanentRedirect(Page page, String query) {
        RedirectView redirect = new RedirectView(query == null ? page.url() : page.url() + "?" + query);
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        return new ModelAndView(redirect);
    }
}
