package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.content.ContentRepository;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The site's error page for requests refused before Spring MVC sees them, rendered once per status and content
 * version (the menu follows the content): hundreds of clients refused at the same moment must not cost a page
 * render each.
 */
@Component
class RefusalPages {

    private record Rendered(long contentVersion, byte[] html) {
    }

    private final ErrorPageRenderer renderer;
    private final ContentRepository content;
    private final Map<HttpStatus, Rendered> pages = new ConcurrentHashMap<>();

    RefusalPages(ErrorPageRenderer renderer, ContentRepository content) {
        this.renderer = renderer;
        this.content = content;
    }

    byte[] page(HttpStatus status) {
        long version = content.version();
        Rendered rendered = pages.get(status);
        if (rendered == null || rendered.contentVersion() != version) {
            rendered = new Rendered(version, renderer.render(status.value()).getBytes(StandardCharsets.UTF_8));
            pages.put(status, rendered);
        }
        return rendered.html();
    }
}
