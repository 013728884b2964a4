package com.thrivecenter.clinic.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * A form the application renders itself at a reserved address, with a content page as its introduction. The
 * page says so with {@code form: <key>} in its front matter and sits at the form's address; the content filter
 * never serves it, the form's controller shows it through {@link ContentRepository#formIntro(Form)}.
 */
public enum Form {
    CONTACT("contact", new Slug("contact"));

    private final String key;
    private final Slug slug;

    Form(String key, Slug slug) {
        this.key = key;
        this.slug = slug;
    }

    /** The value of the {@code form} front-matter key. */
    public String key() {
        return key;
    }

    /** Where the form is, and so where its introduction's file must be. */
    public Slug slug() {
        return slug;
    }

    static Optional<Form> withKey(String key) {
        return Arrays.stream(values()).filter(form -> form.key.equals(key)).findFirst();
    }

    static Optional<Form> at(Slug slug) {
        return Arrays.stream(values()).filter(form -> form.slug.equals(slug)).findFirst();
    }
}
