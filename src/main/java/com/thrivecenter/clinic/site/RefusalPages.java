package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.ContentSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The site's error page for requests refused before Spring MVC sees them, rendered once per status and content
 * snapshot (the menu follows the content): hundreds of clients refused at the same moment must not cost a page
 * render each.
 */
@Component
class RefusalPages {

    private record Rendered(ContentSnapshot content, byte[] html) {}

    private final ErrorPageRenderer renderer;
    private final ContentRepository repository;
    private final Map<Integer, Rendered> pages = new ConcurrentHashMap<>();

    RefusalPages(ErrorPageRenderer renderer, ContentRepository repository) {
        this.renderer = renderer;
        this.repository = repository;
    }

    byte[] page(int status) {
        ContentSnapshot content = repository.current();
        Rendered rendered = pages.get(status);
        if (rendered == null || rendered.content() != content) {
            rendered = new Rendered(content, renderer.render(content, status).getBytes(StandardCharsets.UTF_8));
            pages.put(status, rendered);
        }
        return rendered.html();
    }
}
