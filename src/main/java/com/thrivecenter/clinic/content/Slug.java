package com.thrivecenter.clinic.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address of a page: lower-case words joined by hyphens, in folders ("migraine/stages"); the home page is
 * the empty slug. Only this type turns a request path or a file name into a page address, so nothing else ever
 * builds a file path from what a browser sent.
 * <p>
 * A slug is at most {@value #MAX_LENGTH} characters, and is checked by one pass over its characters: a request
 * path of any length costs one bounded look, never a backtracking regular expression that could run out of stack.
 */
public record Slug(String value) {

    /** Far longer than any readable address; anything longer is no page. */
    public static final int MAX_LENGTH = 200;

    public static final Slug HOME = new Slug("");

    public Slug {
        if (!value.isEmpty() && !isValid(value)) {
            throw new IllegalArgumentException("Not a page address: " + value);
        }
    }

    /** The slug for a raw (still percent-encoded) request path such as "/migraine/stages"; empty when it can't be one. */
    public static Optional<Slug> fromRequestPath(String rawPath) {
        if (rawPath.equals("/")) {
            return Optional.of(HOME);
        }
        String value = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return isValid(value) ? Optional.of(new Slug(value)) : Optional.empty();
    }

    /** The slug for a Markdown file relative to the content folder: "migraine/index.md" is "migraine". */
    public static Optional<Slug> fromFile(Path relative) {
        String name = relative.toString().replace('\\', '/');
        if (!name.endsWith(".md")) {
            return Optional.empty();
        }
        String value = name.substring(0, name.length() - ".md".length());
        if (value.equals("index")) {
            return Optional.of(HOME);
        }
        if (value.endsWith("/index")) {
            value = value.substring(0, value.length() - "/index".length());
        }
        return isValid(value) ? Optional.of(new Slug(value)) : Optional.empty();
    }

    /**
     * Words of lower-case letters and digits, joined by single hyphens within a folder or file name and by single
     * slashes between them; no separator at either end, none next to another.
     */
    private static boolean isValid(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        boolean afterSeparator = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterSeparator = false;
            } else if ((c == '-' || c == '/') && !afterSeparator) {
                afterSeparator = true;
            } else {
                return false;
            }
        }
        return !afterSeparator;
    }

    public String url() {
        return "/" + value;
    }

    public boolean isHome() {
        return value.isEmpty();
    }

    /** Every slug above this one, nearest the home page first: "a/b/c" gives "", "a", "a/b". */
    public List<Slug> ancestors() {
        List<Slug> ancestors = new ArrayList<>();
        if (isHome()) {
            return ancestors;
        }
        ancestors.add(HOME);
        int slash = value.indexOf('/');
        while (slash > 0) {
            ancestors.add(new Slug(value.substring(0, slash)));
            slash = value.indexOf('/', slash + 1);
        }
        return ancestors;
    }

    public boolean isNested() {
        return value.contains("/");
    }

    @Override
    public String toString() {
        return url();
    }
}
