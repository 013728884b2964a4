package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every picture says what it shows, or is marked as decoration: a page with a picture that does neither is an error. */
class ImageDescriptionTests {

    private final PageParser parser =
            new PageParser(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names());

    private PageParser.Result parse(String body) {
        return parser.parse(new Slug("page"), "page.md", page("Page", "", body), LocalDate.of(2026, 11, 24));
    }

    @Test
    void aDescribedPictureAndADecorativeOneAreFine() {
        PageParser.Result result = parse(
                "![A nurse taking a blood pressure](/images/nurse.jpg)\n\n" + "![](/images/wave.png \"decorative\")");

        assertThat(result.problems()).isEmpty();
        assertThat(result.page()).isPresent();
    }

    @Test
    void aPictureWithoutADescriptionIsAnErrorOnItsLine() {
        PageParser.Result result = parse("Text.\n\n![](/images/nurse.jpg)\n\n![ ](/images/desk.jpg \"a desk\")");

        assertThat(result.page()).isEmpty();
        assertThat(result.problems())
                .extracting(ContentProblem::line, ContentProblem::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7, ContentProblem.Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(9, ContentProblem.Severity.ERROR));
        assertThat(result.problems().get(0).message()).startsWith("this picture has no description");
    }
}
