package com.thrivecenter.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.content.FrontMatter.NavEntry;
import com.thrivecenter.clinic.content.FrontMatter.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrontMatterParserTests {

    private final FrontMatterParser parser = new FrontMatterParser();
    private final List<ContentProblem> problems = new ArrayList<>();

    private Optional<FrontMatter> parse(String yaml) {
        // As in a file whose first line is "---", so the YAML starts on line 2.
        return parser.parse(new Slug("page"), yaml, "page.md", 2, problems);
    }

    @Test
    void readsEveryKey() {
        FrontMatter meta = parse(
                        """
                title: The four stages
                description: What happens before, during and after a migraine.
                nav:
                  label: Stages
                  order: 20
                draft: false
                sources:
                  - title: "Mayo Clinic: Migraine"
                    url: https://www.mayoclinic.org/
                  - title: Reported by the clinic
                """)
                .orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(meta.title()).isEqualTo("The four stages");
        assertThat(meta.description()).isEqualTo("What happens before, during and after a migraine.");
        assertThat(meta.nav()).contains(new NavEntry("Stages", 20));
        assertThat(meta.draft()).isFalse();
        assertThat(meta.sources())
                .containsExactly(
                        new Source("Mayo Clinic: Migraine", Optional.of("https://www.mayoclinic.org/")),
                        new Source("Reported by the clinic", Optional.empty()));
    }

    @Test
    void onlyTitleAndDescriptionAreRequired() {
        FrontMatter meta =
                parse("title: FAQ\ndescription: Questions and answers.").orElseThrow();

        assertThat(meta.nav()).isEmpty();
        assertThat(meta.draft()).isFalse();
        assertThat(meta.sources()).isEmpty();
    }

    @Test
    void aMissingTitleIsReported() {
        assertThat(parse("description: Questions and answers.")).isEmpty();
        assertThat(problems).extracting(ContentProblem::message).containsExactly("missing required key 'title'");
    }

    @Test
    void anUnknownKeyIsReportedWithItsLine() {
        assertThat(parse("title: FAQ\ndescription: Questions.\nauthor: Someone"))
                .isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("page.md");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).startsWith("unknown key 'author'");
        });
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        assertThat(parse("title: FAQ\ndescription: [unclosed\nnav: x")).isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("the [ opened here is never closed");
        });
    }

    @Test
    void badValuesAreReportedWithTheirLines() {
        assertThat(
                        parse(
                                """
                title: FAQ
                description: Questions.
                draft: maybe
                nav:
                  label: FAQ
                  order: first
                """))
                .isEmpty();
        assertThat(problems)
                .extracting(ContentProblem::line, ContentProblem::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(4, "expected true or false, found 'maybe'"),
                        org.assertj.core.groups.Tuple.tuple(7, "expected a whole number, found 'first'"));
    }

    @Test
    void aReviewTypedIntoTheFileIsAProblemThatPointsToTheClinicianApproval() {
        assertThat(parse("title: FAQ\ndescription: Questions.\nreviewed: 2026-11-01\nreviewer: Dr. Example"))
                .isEmpty();
        assertThat(problems)
                .extracting(ContentProblem::line, ContentProblem::message, ContentProblem::isError)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                4,
                                "'reviewed' cannot be written in the file: a clinician approves the page under"
                                        + " Content, Review in the staff area, and the page then says who reviewed it"
                                        + " and when; remove 'reviewed'",
                                true),
                        org.assertj.core.groups.Tuple.tuple(
                                5,
                                "'reviewer' cannot be written in the file: a clinician approves the page under"
                                        + " Content, Review in the staff area, and the page then says who reviewed it"
                                        + " and when; remove 'reviewer'",
                                true));
    }

    @Test
    void aSourceUrlMustBeAWebAddress() {
        assertThat(
                        parse(
                                """
                title: FAQ
                description: Questions.
                sources:
                  - title: Bad
                    url: javascript:alert(1)
                """))
                .isEmpty();
        assertThat(problems).extracting(ContentProblem::line).containsExactly(6);
    }

    @Test
    void aKeyGivenTwiceIsReported() {
        assertThat(parse("title: A\ntitle: B\ndescription: Questions.")).isEmpty();
        assertThat(problems)
                .extracting(ContentProblem::message)
                .containsExactly("'title' is given twice (first on line 2); keep one");
    }

    @Test
    void frontMatterMustBeKeysAndValues() {
        assertThat(parse("- just\n- a list")).isEmpty();
        assertThat(problems).singleElement().extracting(ContentProblem::line).isEqualTo(2);
    }
}
