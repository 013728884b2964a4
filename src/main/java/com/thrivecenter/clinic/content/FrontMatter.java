package com.thrivecenter.clinic.content;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** What a page's front matter says about it. */
public record FrontMatter(
        String title,
        String description,
        Optional<NavEntry> nav,
        boolean draft,
        Schedule schedule,
        List<Slug> aliases,
        List<Source> sources,
        Optional<Form> form,
        PageLayout layout,
        Optional<Clinician> clinician) {

    /**
     * When the page is on the website, in the clinic's time: from {@code publish} (else from the start) until
     * {@code expires} (else for good).
     */
    public record Schedule(Optional<LocalDateTime> publish, Optional<LocalDateTime> expires) {

        public boolean isOn(LocalDateTime now) {
            return publish.map(from -> !now.isBefore(from)).orElse(true)
                    && expires.map(until -> now.isBefore(until)).orElse(true);
        }
    }

    /** The page's place in the main menu. */
    public record NavEntry(String label, int order) {}

    /** A reference listed at the end of the page; the URL is optional. */
    public record Source(String title, Optional<String> url) {}

    /**
     * What a clinician profile ({@code layout: clinician}) says about the clinician besides the name, which is the
     * page's title, and the biography, which is its text.
     */
    public record Clinician(Optional<String> credentials, Optional<String> role, Optional<Photo> photo) {}

    /**
     * A picture staff uploaded ("/images/…") with its description; {@code line} is the file line of the
     * {@code photo} key, where a missing picture is reported.
     */
    public record Photo(String path, String alt, int line) {}
}
