package com.thrivecenter.clinic.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What a page's front matter says about it. */
public record FrontMatter(
        String title,
        String description,
        Optional<NavEntry> nav,
        boolean draft,
        Optional<MedicalReview> review,
        List<Source> sources,
        Optional<Form> form) {

    /** The page's place in the main menu. */
    public record NavEntry(String label, int order) {}

    /** Shown as "Medically reviewed by … on …"; present only when both keys are set. */
    public record MedicalReview(String reviewer, LocalDate date) {}

    /** A reference listed at the end of the page; the URL is optional. */
    public record Source(String title, Optional<String> url) {}
}
