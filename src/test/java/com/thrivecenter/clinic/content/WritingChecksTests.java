package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.content.ContentProblem.Severity;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writing checks, run as the site and the editor run them: through {@link PageParser} on a file's text. With
 * {@link ContentFiles#page} the body starts on line 5 (a "sources" list adds lines above it).
 */
class WritingChecksTests {

    private static final String SOURCES = "sources:\n  - title: Figure reported by the clinic\n";

    private final PageParser parser =
            new PageParser(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names());

    private List<ContentProblem> problems(String text) {
        PageParser.Result result = parser.parse(new Slug("page"), "page.md", text, LocalDate.of(2026, 11, 24));
        assertThat(result.page())
                .as("warnings never stop a page: %s", result.problems())
                .isPresent();
        assertThat(result.problems()).extracting(ContentProblem::severity).doesNotContain(Severity.ERROR);
        return result.problems();
    }

    private List<String> linesAndMessages(String body) {
        return problems(page("Page", "", body)).stream()
                .map(problem -> problem.line() + ": " + problem.message())
                .toList();
    }

    // Promises

    @Test
    void aPromiseIsFlaggedOnItsOwnLineInsideAParagraph() {
        assertThat(linesAndMessages("Many people feel better.\nOur infusions bring permanent relief,\nand"
                        + " results are guaranteed."))
                .containsExactly(
                        "6: 'permanent relief' promises a result; say what treatment may do and that results vary"
                                + " from person to person",
                        "7: 'guaranteed' promises a result; say what treatment may do and that results vary from"
                                + " person to person");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "It can cure migraine.",
                "Patients are cured.",
                "Ketamine cures pain.",
                "We guarantee relief.",
                "Every visit guarantees comfort.",
                "A miracle for migraine.",
                "It is 100% effective.",
                "It is risk-free.",
                "There are no side effects.",
                "The treatment is completely safe.",
                "It works for everyone."
            })
    void everyKindOfPromiseIsFlagged(String sentence) {
        // Sources listed (two lines), so that "100%" is a promise here and not also a figure without a source.
        assertThat(problems(page("Page", SOURCES, "Some text.\n\n" + sentence)))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(9);
                    assertThat(problem.message()).contains("promises a result");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "There is no cure for migraine.",
                "There is no known cure for migraine.",
                "Ketamine is not a cure.",
                "We cannot guarantee results.",
                "We can't honestly guarantee that it helps.",
                "It does not work for everyone.",
                "Nobody can promise a cure, and we never promise a miracle.",
                "Is ketamine a cure for migraine?",
                "Your data is kept secure and the procedure is accurate."
            })
    void deniedPromisesQuestionsAndLookalikeWordsAreNotFlagged(String sentence) {
        assertThat(problems(page("Page", "", sentence))).isEmpty();
    }

    @Test
    void aDenialDoesNotReachAcrossAComma() {
        assertThat(linesAndMessages("There is no waiting list, and relief is guaranteed."))
                .singleElement()
                .asString()
                .startsWith("5: 'guaranteed' promises");
    }

    @Test
    void aPromiseInAHeadingOrTableIsFlaggedButNotInCodeOrALinkAddress() {
        assertThat(linesAndMessages("## A miracle cure\n\n| a | b |\n| - | - |\n| risk-free | x |\n\n"
                        + "`cure` and [our page](/the-cure-page)."))
                .extracting(line -> line.substring(0, line.indexOf(" promises")))
                .containsExactly("5: 'miracle'", "5: 'cure'", "9: 'risk-free'");
    }

    // The off-label statement

    @Test
    void aPageOfferingKetamineWithoutTheOffLabelStatementIsFlaggedAtTheFirstMention() {
        assertThat(linesAndMessages("Migraine can be hard.\n\nWe offer ketamine\ninfusions.\n\nKetamine therapy helps"
                        + " some people."))
                .containsExactly(
                        "7: this page offers ketamine treatment but does not say that it is off-label;"
                                + " add a sentence such as 'Using ketamine for migraine and chronic pain is an off-label use.'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"off-label", "off label", "**off-label**", "Off-Label"})
    void theOffLabelStatementAnywhereOnThePageSatisfiesTheCheck(String words) {
        assertThat(problems(page(
                        "Page", "", "We offer ketamine infusions.\n\n## Good to know\n\nUsing it is " + words + ".")))
                .isEmpty();
    }

    @Test
    void ketamineWithoutATreatmentIsNoOffer() {
        assertThat(problems(page("Page", "", "Ketamine was first used in hospitals.\n\nMany treatments exist.")))
                .isEmpty();
    }

    // Figures without a source

    @ParameterizedTest
    @ValueSource(strings = {"75%", "75 %", "12.5 percent", "75 per cent", "three in four", "1 in 4", "one out of five"})
    void aFigureOnAPageWithoutSourcesIsFlaggedAtItsLine(String figure) {
        assertThat(linesAndMessages("Some text.\n\nAbout " + figure + " of people\nfeel better."))
                .containsExactly("7: the figure '" + figure + "' needs a source: list where it comes from under"
                        + " 'sources' in the front matter");
    }

    @Test
    void everyFigureIsFlagged() {
        assertThat(linesAndMessages("Up to 75% respond.\n\nOne in ten do not."))
                .extracting(line -> line.substring(0, line.indexOf(" needs")))
                .containsExactly("5: the figure '75%'", "7: the figure 'One in ten'");
    }

    @Test
    void aFigureOnAPageWithSourcesIsFine() {
        assertThat(problems(page("Page", SOURCES, "Up to 75% respond to a single infusion.")))
                .isEmpty();
    }

    @Test
    void numbersThatAreNoStatisticsAreFine() {
        assertThat(problems(page(
                        "Page",
                        "",
                        "Call 911 or 988. An attack lasts 4 hours to 3 days. Come in at one in the afternoon.")))
                .isEmpty();
    }

    // Reading grade

    private static final String EASY_PARAGRAPH = "Pain can wear you down. You are not alone. We will listen to you."
            + " We will ask what has helped and what has not. Then we will talk about what to try next. You can ask"
            + " us as much as you like. There is no rush.";

    private static final String HARD_PARAGRAPH = "Pharmacological interventions targeting glutamatergic"
            + " neurotransmission, particularly antagonism of N-methyl-D-aspartate receptors, demonstrate considerable"
            + " therapeutic potential in refractory neuropathic conditions, although the underlying neurobiological"
            + " mechanisms remain incompletely characterized and individual variability substantially complicates"
            + " clinical prediction.";

    @Test
    void syllablesAreEstimatedByVowelGroupsLessSilentEndings() {
        assertThat(List.of(
                        "cat",
                        "time",
                        "table",
                        "people",
                        "makes",
                        "boxes",
                        "changes",
                        "helped",
                        "wanted",
                        "agreed",
                        "every",
                        "migraine",
                        "ketamine",
                        "headache",
                        "safely",
                        "consultation",
                        "neuroplasticity"))
                .extracting(Syllables::of)
                .containsExactly(1, 1, 2, 2, 1, 2, 2, 1, 2, 2, 3, 2, 3, 2, 2, 4, 6);
    }

    @Test
    void theFormulaIsFleschKincaid() {
        ReadingGrade.Counts counts = ReadingGrade.count("The cat sat on the mat.");

        assertThat(counts).isEqualTo(new ReadingGrade.Counts(6, 1, 6));
        // 0.39 × 6 + 11.8 × 1 − 15.59
        assertThat(counts.grade()).isCloseTo(-1.45, Offset.offset(1e-9));
    }

    @Test
    void aListItemWithoutAFullStopIsASentenceOfItsOwn() {
        assertThat(ReadingGrade.count("food cravings")).isEqualTo(new ReadingGrade.Counts(2, 1, 3));
        assertThat(ReadingGrade.count("Wait... What? \"Yes.\" No")).isEqualTo(new ReadingGrade.Counts(4, 4, 4));
    }

    @Test
    void plainTextPasses() {
        String body = String.join("\n\n", EASY_PARAGRAPH, EASY_PARAGRAPH, EASY_PARAGRAPH);

        assertThat(ReadingGrade.count(EASY_PARAGRAPH).grade()).isLessThan(3);
        assertThat(problems(page("Page", "", body))).isEmpty();
    }

    @Test
    void hardTextIsFlaggedAtTheFirstLineOfTextWithItsGradeAndHardestParagraph() {
        String body =
                String.join("\n\n", EASY_PARAGRAPH, EASY_PARAGRAPH, "## Mechanism", HARD_PARAGRAPH, HARD_PARAGRAPH);
        ReadingGrade.Counts overall = ReadingGrade.count(EASY_PARAGRAPH)
                .plus(ReadingGrade.count(EASY_PARAGRAPH))
                .plus(ReadingGrade.count(HARD_PARAGRAPH))
                .plus(ReadingGrade.count(HARD_PARAGRAPH));
        ReadingGrade.Counts hardest = ReadingGrade.count(HARD_PARAGRAPH);

        assertThat(hardest.grade()).isGreaterThan(20);
        assertThat(overall.grade()).isGreaterThan(ReadingGrade.TARGET);
        assertThat(linesAndMessages(body))
                .containsExactly("5: reads at about grade " + overall.shown() + "; aim for grade 8 or below: shorter"
                        + " sentences and everyday words (the hardest paragraph, at about grade " + hardest.shown()
                        + ", starts on line 11)");
    }

    /** 17 words and 25 syllables in one sentence: grade 8.39, which the rule once rounded to 8 and let pass. */
    private static final String SLIGHTLY_HARD_SENTENCE =
            "Many people with illness that lasts for months find usual daily tasks become harder and more tiring.";

    @Test
    void aGradeJustAboveTheTargetIsNotRoundedDown() {
        String body = String.join(" ", Collections.nCopies(7, SLIGHTLY_HARD_SENTENCE));
        ReadingGrade.Counts counts = ReadingGrade.count(body);

        assertThat(counts.grade()).isStrictlyBetween(8.0, 8.5);
        assertThat(linesAndMessages(body))
                .singleElement()
                .asString()
                .startsWith("5: reads at about grade " + counts.shown() + "; aim for grade 8 or below");
        assertThat(counts.shown()).isEqualTo("8.4");
    }

    @Test
    void theShownGradeIsRoundedUpToOneDecimal() {
        // 0.39 × 10 + 11.8 × 1.67 − 15.59 = 8.016
        assertThat(new ReadingGrade.Counts(100, 10, 167).shown()).isEqualTo("8.1");
        // 0.39 × 10 + 11.8 × 1.69 − 15.59 = 8.252
        assertThat(new ReadingGrade.Counts(100, 10, 169).shown()).isEqualTo("8.3");
    }

    @Test
    void aHyphenatedWordIsOneWordWithTheSyllablesOfItsParts() {
        // "long-lasting" is one word of three syllables; "one-sided" three (one + sid-ed), not the four of "onesided".
        assertThat(ReadingGrade.count("long-lasting pain")).isEqualTo(new ReadingGrade.Counts(2, 1, 4));
        assertThat(ReadingGrade.count("one-sided")).isEqualTo(new ReadingGrade.Counts(1, 1, 3));
    }

    @Test
    void listItemsAndQuotesAreGradedAsTheTextAPatientReads() {
        String hardItems = "- " + HARD_PARAGRAPH + "\n- " + HARD_PARAGRAPH;
        String body = String.join("\n\n", "Some text.", hardItems, "> [!NOTE]\n> " + HARD_PARAGRAPH);

        assertThat(linesAndMessages(body))
                .singleElement()
                .asString()
                .startsWith("5: reads at about grade ")
                .contains("the hardest paragraph, at about grade "
                        + ReadingGrade.count(HARD_PARAGRAPH).shown() + ", starts on line 7");
    }

    @Test
    void headingsLinkAddressesAndCodeAreNotGraded() {
        String longWords =
                "[an understandable explanation](https://example.org/pharmacological-interventions-glutamatergic)"
                        + " `neurotransmission.characterization.variability`";
        String body = String.join(
                "\n\n",
                "## Pharmacological interventions targeting glutamatergic neurotransmission",
                EASY_PARAGRAPH + " " + longWords,
                EASY_PARAGRAPH,
                "```\nincompletely characterized neurobiological mechanisms substantially complicate prediction\n```",
                EASY_PARAGRAPH);

        assertThat(problems(page("Page", "", body))).isEmpty();
    }

    @Test
    void aShortPageIsNotGraded() {
        assertThat(problems(page("Page", "", HARD_PARAGRAPH))).isEmpty();
    }
}
