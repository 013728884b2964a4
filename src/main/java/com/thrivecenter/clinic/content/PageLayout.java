package com.thrivecenter.clinic.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a page is laid out, from its {@code layout} front-matter key: an article (the default) with its sections
 * listed beside the text, a landing page built from blocks, whose hero carries the main heading, an "Our team"
 * page that lists the clinician profiles in its folder, a clinician's profile, or the "Visit us" page that shows
 * the clinic's address, hours and phone above the text.
 */
public enum PageLayout {
    ARTICLE("article", "Article"),
    LANDING("landing", "Landing page"),
    TEAM("team", "Our team page"),
    CLINICIAN("clinician", "Clinician profile"),
    VISIT("visit", "Visit us page");

    private final String key;
    private final String label;

    PageLayout(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The value of the {@code layout} key. */
    public String key() {
        return key;
    }

    /** The name staff see in the editor. */
    public String label() {
        return label;
    }

    static Optional<PageLayout> withKey(String key) {
        return Arrays.stream(values()).filter(layout -> layout.key.equals(key)).findFirst();
    }
}
