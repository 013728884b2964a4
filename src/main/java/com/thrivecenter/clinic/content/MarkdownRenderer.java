package com.thrivecenter.clinic.content;

import com.thrivecenter.clinic.content.FencedBlocks.ClosingLine;
import com.thrivecenter.clinic.content.FencedBlocks.FencedBlock;
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
import org.jsoup.Jsoup;
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
                        List.of(
                                TablesExtension.create(),
                                AutolinkExtension.create(),
                                StrikethroughExtension.create(),
                                FencedBlocks.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.sanitizer = sanitizer;
    }

    /**
     * The HTML of a body, its links, its prose for the writing checks, and what is wrong in how it is written
     * (a picture with no description, a block the site does not know), each with its file line.
     */
    public record Rendered(String html, List<PageLink> links, List<ProseBlock> prose, List<Finding> findings) {}

    /** Something wrong in a body, at a file line; an error keeps the page off the website. */
    public record Finding(int line, boolean error, String message) {

        ContentProblem in(String file) {
            return error ? new ContentProblem(file, line, message) : ContentProblem.warning(file, line, message);
        }
    }

    /** The title that marks a picture as decoration, which screen readers skip: {@code ![](/images/a.png "decorative")}. */
    static final String DECORATIVE = "decorative";

    /** {@code firstLine} is the file line the body starts on, so links and findings carry file lines. */
    public Rendered render(String markdown, int firstLine, PageLayout layout) {
        Document document = parser.parse(markdown);
        List<PageLink> links = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        // A node's line is counted from the start of the text each time it is asked, so only for the nodes that need
        // one.
        for (Node node : document.getDescendants()) {
            if (node instanceof Link link) {
                links.add(new PageLink(link.getUrl().toString(), firstLine + link.getStartLineNumber(), false));
            } else if (node instanceof Image image) {
                int line = firstLine + image.getStartLineNumber();
                links.add(new PageLink(image.getUrl().toString(), line, true));
                if (image.getText().isBlank()
                        && !image.getTitle().toString().strip().equalsIgnoreCase(DECORATIVE)) {
                    findings.add(new Finding(
                            line,
                            true,
                            "this picture has no description: write what it shows between the brackets,"
                                    + " ![A nurse taking a blood pressure](/images/…), or, if it is only decoration,"
                                    + " ![](/images/… \"decorative\")"));
                }
            } else if (node instanceof FencedBlock block) {
                Blocks.check(block, firstLine + block.openingLine(), findings);
            } else if (node instanceof ClosingLine closing && !closing.closesABlock()) {
                findings.add(new Finding(
                        firstLine + closing.getStartLineNumber(),
                        false,
                        "this ':::' closes no block: no '::: name' line opens one above"));
            }
        }
        if (layout == PageLayout.LANDING) {
            Blocks.checkLanding(document, firstLine, findings);
        }
        org.jsoup.nodes.Document html = Jsoup.parseBodyFragment(sanitizer.sanitize(renderer.render(document)));
        html.outputSettings().prettyPrint(false);
        Callouts.apply(html.body());
        Blocks.apply(html.body(), layout);
        return new Rendered(html.body().html(), links, ProseReader.read(document, firstLine), List.copyOf(findings));
    }
}
