package com.thrivecenter.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whatever staff (or anyone with write access) save, the parsers give a page or at least one problem, each at a
 * line of the file, and never throw. {@code mvn test} replays the seeds in PageParserFuzzTestsInputs, among them
 * YAML alias bombs, deep nesting, huge scalars, control characters, a BOM, CRLF and unclosed front matter;
 * JAZZER_FUZZ=1 fuzzes.
 */
class PageParserFuzzTests {

    private final FrontMatterParser frontMatterParser = new FrontMatterParser();
    private final PageParser pageParser =
            new PageParser(frontMatterParser, new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names());

    @FuzzTest
    void frontMatter(byte[] input) {
        String yaml = new String(input, StandardCharsets.UTF_8);
        List<ContentProblem> problems = new ArrayList<>();

        // As between the fences of a file: "---" on line 1, the YAML from line 2, the closing "---" after it.
        Optional<FrontMatter> meta = frontMatterParser.parse(new Slug("page"), yaml, "page.md", 2, problems);

        assertThat(meta.isPresent())
                .as("a value or problems, not both or neither: %s", problems)
                .isEqualTo(problems.isEmpty());
        assertLinesWithin(problems, lineCount(yaml) + 2);
    }

    @FuzzTest
    void page(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        PageParser.Result result = pageParser.parse(new Slug("page"), "page.md", text, LocalDate.of(2026, 11, 24));

        assertThat(result.page().isPresent())
                .as("a page or errors, not both or neither: %s", result.problems())
                .isEqualTo(result.problems().stream().noneMatch(ContentProblem::isError));
        int lines = lineCount(text);
        assertLinesWithin(result.problems(), lines);
        result.page().ifPresent(page -> assertThat(page.links())
                .allSatisfy(
                        link -> assertThat(link.line()).as("line of %s", link).isBetween(1, lines)));
    }

    /** Lines as YAML counts them: "\r\n", "\n", a lone "\r", NEL and the Unicode line and paragraph separators. */
    private static int lineCount(String text) {
        return text.split("\r\n|[\n\r\u0085\u2028\u2029]", -1).length;
    }

    private static void assertLinesWithin(List<ContentProblem> problems, int lines) {
        assertThat(problems)
                .allSatisfy(problem ->
                        assertThat(problem.line()).as("line of %s", problem).isBetween(1, lines));
    }
}
