package com.thrivecenter.clinic.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Turns the text of one content file into a {@link Page}, or into the problems that stop it being one. */
@Component
public class PageParser {

    /** The usual kinds of text of a page, for {@link #warmUp()}. */
    private static final String SAMPLE =
            """
            ---
            title: A sample page
            description: Parsed once after a start, so the parser is ready for the first edit.
            sources:
              - title: A source
                url: https://example.com/
            ---
            Call {{phone}} or read [the home page](/).

            ## A heading

            - a list item
            - another one, with **bold** text
            """;

    private final FrontMatterParser frontMatterParser;
    private final MarkdownRenderer markdownRenderer;

    private final PageVariables variables;

    public PageParser(FrontMatterParser frontMatterParser, MarkdownRenderer markdownRenderer, PageVariables variables) {
        this.frontMatterParser = frontMatterParser;
        this.markdownRenderer = markdownRenderer;
        this.variables = variables;
    }

    /**
     * A page when the file has no error, with any warnings (broken links aside: those need the other pages);
     * otherwise no page and at least one error.
     */
    public record Result(Optional<Page> page, List<ContentProblem> problems) {

        public Result {
            // Also refuses what a damaged parsed-pages entry could hold: no page at all, or a problem that is null.
            page = Objects.requireNonNull(page, "page");
            problems = List.copyOf(problems);
        }
    }

    public Result parse(Slug slug, String file, String text, LocalDate updated) {
        return parseText(slug, file, text, updated);
    }

    /**
     * Parses a small page and drops it. The first parse loads the parser's classes, about a second's work on one
     * core: after a start that read every page back ({@link ParsedPages}), this spares the first edit that wait.
     */
    public void warmUp() {
        // Not through parse(): the sample is no content file, and what counts files parsed must not count it.
        parseText(new Slug("sample"), "sample.md", SAMPLE, LocalDate.EPOCH);
    }

    private Result parseText(Slug slug, String file, String text, LocalDate updated) {
        List<ContentProblem> problems = new ArrayList<>();
        if (ReservedAddresses.isReserved(slug) && Form.at(slug).isEmpty()) {
            String reserved = "/" + slug.value().split("/", 2)[0];
            problems.add(new ContentProblem(
                    file,
                    1,
                    "the address " + slug.url() + " belongs to the website itself (" + reserved
                            + " and everything under it), so this file is not served; move or rename it"));
            return new Result(Optional.empty(), problems);
        }
        if (!PageSource.startsWithFence(text)) {
            problems.add(
                    new ContentProblem(
                            file,
                            1,
                            "the file must start with front matter: a '---' line, title and description, then another '---' line"));
            return new Result(Optional.empty(), problems);
        }
        Optional<PageSource> source = PageSource.split(text);
        if (source.isEmpty()) {
            problems.add(new ContentProblem(file, 1, "the front matter has no closing '---' line"));
            return new Result(Optional.empty(), problems);
        }
        String yaml = source.get().frontMatter();
        String body = source.get().body();
        int bodyFirstLine = source.get().bodyFirstLine();
        Optional<FrontMatter> meta = frontMatterParser.parse(slug, yaml, file, 2, problems);
        if (meta.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        MarkdownRenderer.Rendered rendered;
        try {
            rendered = markdownRenderer.render(
                    variables.fillIn(body, file, bodyFirstLine, problems),
                    bodyFirstLine,
                    meta.get().layout());
        } catch (StackOverflowError e) {
            // Flexmark walks its tree recursively; thousands of quotes or lists inside each other exhaust the
            // stack, which unwinds right here, so the file is reported instead of failing the whole load.
            problems.add(new ContentProblem(
                    file,
                    bodyFirstLine,
                    "the text has too many quotes, lists or brackets inside each other to show; flatten it"));
            return new Result(Optional.empty(), problems);
        }
        Page page = new Page(
                slug,
                file,
                meta.get(),
                DeflatedHtml.of(rendered.html()),
                links(meta.get(), rendered),
                updated,
                Optional.empty());
        problems.addAll(WritingChecks.check(page, rendered.prose()));
        rendered.findings().forEach(finding -> problems.add(finding.in(file)));
        boolean served = problems.stream().noneMatch(ContentProblem::isError);
        return new Result(served ? Optional.of(page) : Optional.empty(), problems);
    }

    /** The body's links and pictures, after a clinician's photo, so a missing photo is reported like any picture. */
    private static List<PageLink> links(FrontMatter meta, MarkdownRenderer.Rendered rendered) {
        return Stream.concat(
                        meta.clinician().flatMap(FrontMatter.Clinician::photo).stream()
                                .map(photo -> new PageLink(photo.path(), photo.line(), true)),
                        rendered.links().stream())
                .toList();
    }
}
