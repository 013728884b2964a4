package com.thrivecenter.clinic.content.history;

/** The staff member a version is credited to. */
public record Author(String name, String email) {

    public Author {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a version needs an author's name");
        }
        email = email == null ? "" : email;
    }
}
