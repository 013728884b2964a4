package com.thrivecenter.clinic.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Staff Markdown may format but never script: whatever HTML it produces is cut down to a safe list of tags,
 * attributes and link protocols (no script, no event handlers, no javascript: URLs).
 */
@Component
public class HtmlSanitizer {

    // jsoup needs a base to judge relative links; it is never written into the output.
    private static final String BASE_FOR_RELATIVE_LINKS = "https://site.invalid/";

    private final Cleaner cleaner = new Cleaner(Safelist.relaxed()
            .addTags("hr", "del", "s", "mark")
            .addAttributes("div", "class")
            .addAttributes("h1", "id")
            .addAttributes("h2", "id")
            .addAttributes("h3", "id")
            .addAttributes("h4", "id")
            .addAttributes("h5", "id")
            .addAttributes("h6", "id")
            .addProtocols("a", "href", "tel")
            .preserveRelativeLinks(true));

    public String sanitize(String html) {
        Document clean = cleaner.clean(Jsoup.parseBodyFragment(html, BASE_FOR_RELATIVE_LINKS));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
