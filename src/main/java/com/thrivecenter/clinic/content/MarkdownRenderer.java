package com.thrivecenter.clinic.content;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a page body written in Markdown into safe HTML, with a stable id on every heading, and lists the links
 * and images it contains so that broken ones can be reported, and its prose for the writing checks.
 */
@Component
public class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer;

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        MutableDataSet options = new MutableDataSet()
                .set(
                        Parser.EXTENSIONS,
                        List.of(TablesExtension.create(), AutolinkExtension.create(), StrikethroughExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.sanitizer = sanitizer;
    }

    /**
     * The HTML of a body, its links, its prose for the writing checks, and the file lines of pictures with no
     * description (alt text) that are not marked decorative.
     */
    public record Rendered(String html, List<PageLink> links, List<ProseBlock> prose, List<Integer> undescribed) {}

    /** The title that marks a picture as decoration, which screen readers skip: {@code ![](/images/a.png "decorative")}. */
    static final String DECORATIVE = "decorative";

    /** {@code firstLine} is the file line the body starts on, so links carry file lines. */
    public Rendered render(String markdown, int firstLine) {
        Document document = parser.parse(markdown);
        List<PageLink> links = new ArrayList<>();
        List<Integer> undescribed = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Link link) {
                links.add(new PageLink(link.getUrl().toString(), firstLine + node.getStartLineNumber(), false));
            } else if (node instanceof Image image) {
                links.add(new PageLink(image.getUrl().toString(), firstLine + node.getStartLineNumber(), true));
                if (image.getText().isBlank()
                        && !image.getTitle().toString().strip().equalsIgnoreCase(DECORATIVE)) {
                    undescribed.add(firstLine + node.getStartLineNumber());
                }
            }
        }
        return new Rendered(
                Callouts.apply(sanitizer.sanitize(renderer.render(document))),
                links,
                ProseReader.read(document, firstLine),
                List.copyOf(undescribed));
    }
}
