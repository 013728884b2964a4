package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.Page;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/** What search engines read first: robots.txt, and a sitemap of every published page. */
@Controller
public class SearchEngineController {

    private static final CacheControl ONE_HOUR =
            CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final ContentRepository content;
    private final ClinicProperties clinic;

    public SearchEngineController(ContentRepository content, ClinicProperties clinic) {
        this.content = content;
        this.clinic = clinic;
    }

    @GetMapping("/robots.txt")
    public ResponseEntity<String> robots() {
        String robots =
                """
                User-agent: *
                Disallow: /staff
                Sitemap: %s
                """
                        .formatted(clinic.absoluteUrl("/sitemap.xml"));
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .cacheControl(ONE_HOUR)
                .body(robots);
    }

    /** Published pages only: drafts, the staff area and the thank-you page are not for search results. */
    @GetMapping("/sitemap.xml")
    public ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        for (Page page : content.current().publishedPages()) {
            xml.append("  <url><loc>")
                    .append(HtmlUtils.htmlEscape(clinic.absoluteUrl(page.url())))
                    .append("</loc><lastmod>")
                    .append(page.updated())
                    .append("</lastmod></url>\n");
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .cacheControl(ONE_HOUR)
                .body(xml.toString());
    }
}
