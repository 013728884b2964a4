package com.thrivecenter.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The mistakes staff make most in front matter are reported at the line where the broken value starts, in words
 * a clinic staff member understands, never in the YAML parser's own terms.
 */
class FrontMatterMistakesTests {

    private final PageParser pageParser =
            new PageParser(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names());

    private ContentProblem onlyProblem(String file) {
        PageParser.Result result =
                pageParser.parse(new Slug("migraine"), "migraine.md", file, LocalDate.of(2026, 11, 24));
        assertThat(result.page()).isEmpty();
        assertThat(result.problems()).hasSize(1);
        ContentProblem problem = result.problems().get(0);
        assertThat(problem.message())
                .doesNotContain("YAML", "scalar", "block end", "mapping", "token", "<", "expected");
        return problem;
    }

    @Test
    void anUnclosedDoubleQuoteIsReportedWhereItOpens() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: "Migraine
                description: "What happens during a migraine"
                nav:
                  label: Migraine
                ---
                Text.
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).startsWith("the quote \" opened here is never closed");
    }

    @Test
    void anUnclosedSingleQuoteAtTheEndIsReportedWhereItOpens() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: Migraine
                description: 'What happens during a migraine
                ---
                Text.
                """);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).startsWith("the quote ' opened here is never closed");
    }

    @Test
    void anUnclosedQuoteRunningIntoLaterLinesIsReportedWhereItOpens() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: 'Migraine
                description: What happens during a migraine
                reviewer: 'Dr. Example'
                reviewed: 2026-11-01
                ---
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).startsWith("the quote ' opened here is never closed");
    }

    @Test
    void anApostropheInsideSingleQuotesIsExplained() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: 'Don't wait'
                description: Questions.
                ---
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("after its closing quote");
    }

    @Test
    void aTabIsReportedOnItsLine() {
        ContentProblem problem =
                onlyProblem("---\ntitle: Migraine\ndescription: Questions.\nnav:\n\tlabel: Migraine\n---\n");

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message()).isEqualTo("this line has a tab; use spaces instead of tabs");
    }

    @Test
    void aMissingColonIsReportedOnTheLineThatLacksIt() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title Migraine
                description: What happens during a migraine.
                ---
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).isEqualTo("a colon is missing after 'title'; write it as 'title: ...'");
    }

    @Test
    void aMissingColonOnTheLastLineIsReportedThere() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: Migraine
                description What happens during a migraine.
                ---
                """);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message())
                .isEqualTo("a colon is missing after 'description'; write it as 'description: ...'");
    }

    @Test
    void aMissingColonUnderNavIsReportedThere() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: Migraine
                description: What happens during a migraine.
                nav:
                  label Migraine
                  order: 10
                ---
                """);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message()).isEqualTo("a colon is missing after 'label'; write it as 'label: ...'");
    }

    @Test
    void aListInsteadOfOneValueIsReported() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: [Migraine, Headache]
                description: What happens during a migraine.
                ---
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).isEqualTo("'title' must be a single value on one line, not a list");
    }

    @Test
    void aDashListInsteadOfOneValueIsReportedWhereTheListStarts() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title:
                  - Migraine
                  - Headache
                description: What happens during a migraine.
                ---
                """);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).isEqualTo("'title' must be a single value on one line, not a list");
    }

    @Test
    void aKeyGivenTwiceNamesTheFirstLine() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: Migraine
                description: What happens during a migraine.
                title: Migraines
                ---
                """);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).isEqualTo("'title' is given twice (first on line 2); keep one");
    }

    @Test
    void aValueWithAColonNeedsQuotes() {
        ContentProblem problem = onlyProblem(
                """
                ---
                description: What happens during a migraine.
                title: Migraine: the basics
                ---
                """);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).startsWith("a value containing ': ' needs quotes around it");
    }

    @Test
    void aNestedKeyIndentedTooFarIsReported() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: Migraine
                description: What happens during a migraine.
                nav:
                  label: Migraine
                    order: 10
                ---
                """);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).startsWith("this line is indented differently from the lines above it");
    }

    @Test
    void aNestedKeyIndentedTooLittleIsReported() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: Migraine
                description: What happens during a migraine.
                nav:
                    label: Migraine
                  order: 10
                ---
                """);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).startsWith("this line is indented differently from the lines above it");
    }

    @Test
    void anUnclosedBracketIsReportedWhereItOpens() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: [Draft Migraine
                description: What happens during a migraine.
                ---
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).startsWith("the [ opened here is never closed");
    }

    @Test
    void anInvisibleControlCharacterIsReportedOnItsLine() {
        ContentProblem problem = onlyProblem("---\ntitle: Migraine\ndescription: What\u0007 happens.\n---\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).startsWith("this line has an invisible special character");
    }

    @Test
    void hostileFrontMatterIsStoppedWithAPlainMessage() {
        ContentProblem problem = onlyProblem(
                "---\ntitle: Migraine\ndescription: x\nnav: " + "[".repeat(50) + "]".repeat(50) + "\n---\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).startsWith("the front matter is too long or has too many levels");
    }

    @Test
    void anythingElseGetsAPlainGeneralMessage() {
        ContentProblem problem = onlyProblem(
                """
                ---
                title: Migraine
                description: |
                    What happens
                  during a migraine.
                ---
                """);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message())
                .isEqualTo("this line is not valid front matter; check for a missing colon or an unclosed quote");
    }
}
