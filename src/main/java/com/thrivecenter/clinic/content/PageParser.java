package com.thrivecenter.clinic.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns the text of one content file into a {@link Page}, or into the problems that stop it being one. */
@Component
public class PageParser {

    private static final String FENCE = "---";

    private final FrontMatterParser frontMatterParser;
    private final MarkdownRenderer markdownRenderer;

    public PageParser(FrontMatterParser frontMatterParser, MarkdownRenderer markdownRenderer) {
        this.frontMatterParser = frontMatterParser;
        this.markdownRenderer = markdownRenderer;
    }

    /** A page when the file is sound; otherwise no page and at least one problem. */
    public record Result(Optional<Page> page, List<ContentProblem> problems) {
    }

    public Result parse(Slug slug, String file, String text, LocalDate updated) {
        String[] lines = text.replace("\uFEFF", "").replace("\r\n", "\n").split("\n", -1);
        List<ContentProblem> problems = new ArrayList<>();
        if (ReservedAddresses.isReserved(slug) && Form.at(slug).isEmpty()) {
            String reserved = "/" + slug.value().split("/", 2)[0];
            problems.add(new ContentProblem(file, 1, "the address " + slug.url() + " belongs to the website itself ("
                    + reserved + " and everything under it), so this file is not served; move or rename it"));
            return new Result(Optional.empty(), problems);
        }
        if (!lines[0].strip().equals(FENCE)) {
            problems.add(new ContentProblem(file, 1,
                    "the file must start with front matter: a '---' line, title and description, then another '---' line"));
            return new Result(Optional.empty(), problems);
        }
        int closing = 1;
        while (closing < lines.length && !lines[closing].strip().equals(FENCE)) {
            closing++;
        }
        if (closing == lines.length) {
            problems.add(new ContentProblem(file, 1, "the front matter has no closing '---' line"));
            return new Result(Optional.empty(), problems);
        }
        String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, closing));
        String body = String.join("\n", Arrays.copyOfRange(lines, closing + 1, lines.length));
        int bodyFirstLine = closing + 2;
        Optional<Page> page = frontMatterParser.parse(slug, yaml, file, 2, problems).map(meta -> {
            MarkdownRenderer.Rendered rendered = markdownRenderer.render(body, bodyFirstLine);
            return new Page(slug, file, meta, rendered.html(), rendered.links(), updated);
        });
        return new Result(page, problems);
    }
}
