package com.thrivecenter.clinic.content;

/** A link or image in a page's Markdown, with the file line it is on, so a broken one can be reported there. */
public record PageLink(String url, int line, boolean image) {

    /** Site-relative ("/migraine#aura"), as opposed to another site ("https://…") or "//host/…". */
    public boolean isInternal() {
        return url.startsWith("/") && !url.startsWith("//");
    }

    /** The path without any "#anchor" or "?query". */
    public String path() {
        int end = url.length();
        for (char mark : new char[] {'#', '?'}) {
            int at = url.indexOf(mark);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return url.substring(0, end);
    }
}
