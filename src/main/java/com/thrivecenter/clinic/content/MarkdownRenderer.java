package com.thrivecenter.clinic.content;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns a page body written in Markdown into safe HTML, with a stable id on every heading. */
@Component
public class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer;

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(
                        TablesExtension.create(), AutolinkExtension.create(), StrikethroughExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.sanitizer = sanitizer;
    }

    public String render(String markdown) {
        return sanitizer.sanitize(renderer.render(parser.parse(markdown)));
    }
}
