package com.thrivecenter.clinic.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A page ready to serve: its front matter and its body already turned into safe HTML, so a request does no
 * parsing and no file reading.
 */
public record Page(Slug slug, String file, FrontMatter meta, String bodyHtml, List<PageLink> links, LocalDate updated) {

    public String url() {
        return slug.url();
    }

    public String title() {
        return meta.title();
    }

    /** The name the menu and breadcrumbs use: the menu label when there is one, else the title. */
    public String shortTitle() {
        return meta.nav().map(FrontMatter.NavEntry::label).orElse(meta.title());
    }
}
