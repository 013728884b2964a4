package com.thrivecenter.clinic.inquiry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * A rendered page kept as bytes, with places left open for values that must be fresh in every response. Each
 * place is where the page held its own marker; the value written there is HTML-escaped.
 */
final class PageWithHoles {

    private record Hole(int at, String marker) {}

    /** The page's text around the holes: one more piece than there are holes. */
    private final List<byte[]> texts;

    /** The holes' markers, in the order they appear in the page. */
    private final List<String> holes;

    private PageWithHoles(List<byte[]> texts, List<String> holes) {
        this.texts = texts;
        this.holes = holes;
    }

    /** Cuts the page at each marker, which must be in it exactly once. */
    static PageWithHoles cut(String html, Collection<String> markers) {
        List<Hole> found = markers.stream()
                .map(marker -> new Hole(onlyPlaceOf(marker, html), marker))
                .sorted(Comparator.comparingInt(Hole::at))
                .toList();
        List<byte[]> texts = new ArrayList<>();
        int from = 0;
        for (Hole hole : found) {
            texts.add(html.substring(from, hole.at()).getBytes(StandardCharsets.UTF_8));
            from = hole.at() + hole.marker().length();
        }
        texts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new PageWithHoles(
                List.copyOf(texts), found.stream().map(Hole::marker).toList());
    }

    private static int onlyPlaceOf(String marker, String html) {
        int at = html.indexOf(marker);
        if (at < 0 || html.indexOf(marker, at + marker.length()) >= 0) {
            throw new IllegalStateException("The page must hold the marker " + marker + " exactly once");
        }
        return at;
    }

    /** Writes the page with each hole filled by the value given for its marker. */
    void writeTo(OutputStream out, Map<String, String> values) throws IOException {
        for (int i = 0; i < holes.size(); i++) {
            out.write(texts.get(i));
            out.write(HtmlUtils.htmlEscape(values.get(holes.get(i)), "UTF-8").getBytes(StandardCharsets.UTF_8));
        }
        out.write(texts.get(holes.size()));
    }
}
