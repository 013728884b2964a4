package com.thrivecenter.clinic.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A page ready to serve: its front matter and its body already turned into safe HTML, so a request does no
 * parsing and no file reading. {@code review} is a clinician's approval that still covers the body, if any.
 */
public record Page(
        Slug slug,
        String file,
        FrontMatter meta,
        DeflatedHtml body,
        List<PageLink> links,
        LocalDate updated,
        Optional<MedicalReview> review) {

    /** The body's safe HTML, inflated for each call: asked for when the page is rendered. */
    public String bodyHtml() {
        return body.html();
    }

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

    /** The same page with its date and review as the history has them now. */
    public Page with(LocalDate updated, Optional<MedicalReview> review) {
        return new Page(slug, file, meta, body, links, updated, review);
    }
}
