package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.content.Breadcrumb;
import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.Page;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

/**
 * A content page as HTML, through the site's layout: the page, its breadcrumbs, the menu and the clinicians an
 * "Our team" page lists all from the one snapshot it is given, so they always agree.
 */
@Component
public class PageRenderer {

    private final Layout layout;
    private final StructuredData structuredData;

    public PageRenderer(Layout layout, StructuredData structuredData) {
        this.layout = layout;
        this.structuredData = structuredData;
    }

    /** The page as the public sees it. */
    public String render(ContentSnapshot content, Page page) {
        return render(content, page, false);
    }

    /** The page under a banner that says it is a preview, for staff (drafts included). */
    public String preview(ContentSnapshot content, Page page) {
        return render(content, page, true);
    }

    /** A section of an article, as its "On this page" list links to it. */
    public record Section(String id, String title) {}

    private String render(ContentSnapshot content, Page page, boolean preview) {
        List<Breadcrumb> breadcrumbs = content.breadcrumbs(page);
        // The body is held deflated: inflated and parsed once for the page's sections, its questions and the page.
        String bodyHtml = page.bodyHtml();
        Document parsedBody = Jsoup.parseBodyFragment(bodyHtml);
        return layout.render(
                "page",
                content,
                page.url(),
                Map.of(
                        "page",
                        page,
                        "bodyHtml",
                        bodyHtml,
                        "breadcrumbs",
                        breadcrumbs,
                        "sections",
                        sections(parsedBody),
                        "structuredData",
                        structuredData.forPage(page, parsedBody, breadcrumbs),
                        "clinicians",
                        content.clinicians(page),
                        "preview",
                        preview));
    }

    /** The page's own section headings; questions, which open and close in place, are not sections. */
    private static List<Section> sections(Document body) {
        return body.select("h2[id]").stream()
                .filter(heading -> heading.closest("details") == null)
                .map(heading -> new Section(heading.id(), heading.text()))
                .toList();
    }
}
