package com.thrivecenter.clinic.content;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Boxes staff write in Markdown as a quote whose first line names the kind, {@code > [!WARNING]}: a note, a tip,
 * a warning or an emergency, each shown with its name as a heading-like label. Works on HTML already sanitised,
 * and adds only a class and a label.
 */
final class Callouts {

    private static final Map<String, String> LABELS =
            Map.of("note", "Note", "tip", "Tip", "warning", "Warning", "emergency", "Emergency");

    private static final Pattern MARKER = Pattern.compile("^\\s*\\[!([A-Za-z]+)]\\s*");

    private Callouts() {}

    static void apply(Element body) {
        for (Element quote : body.select("blockquote")) {
            Element first = quote.firstElementChild();
            if (first == null || !first.tagName().equals("p") || first.childNodeSize() == 0) {
                continue;
            }
            if (!(first.childNode(0) instanceof TextNode text)) {
                continue;
            }
            Matcher marker = MARKER.matcher(text.getWholeText());
            String kind = marker.find() ? marker.group(1).toLowerCase(Locale.ROOT) : "";
            if (!LABELS.containsKey(kind)) {
                continue;
            }
            text.text(text.getWholeText().substring(marker.end()));
            if (first.text().isBlank() && first.children().isEmpty()) {
                first.remove();
            }
            quote.tagName("div").addClass("callout").addClass(kind);
            quote.prependElement("p")
                    .addClass("callout-title")
                    .appendElement("strong")
                    .text(LABELS.get(kind));
        }
    }
}
