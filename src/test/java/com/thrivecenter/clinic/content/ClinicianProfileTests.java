package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.thrivecenter.clinic.content.FrontMatter.Clinician;
import com.thrivecenter.clinic.content.FrontMatter.Photo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clinician profiles: their front-matter keys, their photo, and the "Our team" page that lists them. */
class ClinicianProfileTests {

    private final FrontMatterParser parser = new FrontMatterParser();
    private final List<ContentProblem> problems = new ArrayList<>();

    @TempDir
    Path root;

    private Optional<FrontMatter> parse(String yaml) {
        // As in a file whose first line is "---", so the YAML starts on line 2.
        return parser.parse(new Slug("team/jane"), yaml, "team/jane.md", 2, problems);
    }

    @Test
    void aProfileReadsCredentialsRolePhotoAndItsDescription() {
        FrontMatter meta = parse(
                        """
                title: Dr. Test Person
                description: An invented clinician.
                layout: clinician
                credentials: MD, board-certified in anesthesiology
                role: Medical director
                photo: /images/test-person.jpg
                photo-alt: Dr. Test Person in the infusion room
                """)
                .orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(meta.layout()).isEqualTo(PageLayout.CLINICIAN);
        assertThat(meta.clinician())
                .contains(new Clinician(
                        Optional.of("MD, board-certified in anesthesiology"),
                        Optional.of("Medical director"),
                        Optional.of(new Photo("/images/test-person.jpg", "Dr. Test Person in the infusion room", 7))));
    }

    @Test
    void aProfileNeedsNoneOfItsKeysAndOtherPagesHaveNoClinician() {
        assertThat(parse("title: Dr. Test Person\ndescription: An invented clinician.\nlayout: clinician")
                        .orElseThrow()
                        .clinician())
                .contains(new Clinician(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(parse("title: FAQ\ndescription: Questions.").orElseThrow().clinician())
                .isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void aPhotoWithoutItsDescriptionOrADescriptionWithoutAPhotoIsAnErrorAtItsLine() {
        assertThat(
                        parse(
                                """
                title: Dr. Test Person
                description: An invented clinician.
                layout: clinician
                photo: /images/test-person.jpg
                """))
                .isEmpty();
        assertThat(
                        parse(
                                """
                title: Dr. Test Person
                description: An invented clinician.
                layout: clinician
                role: Nurse
                photo-alt: A smiling nurse
                """))
                .isEmpty();

        assertThat(problems)
                .extracting(ContentProblem::file, ContentProblem::line, ContentProblem::isError)
                .containsExactly(tuple("team/jane.md", 5, true), tuple("team/jane.md", 6, true));
        assertThat(problems.get(0).message()).startsWith("the photo has no description: add 'photo-alt:'");
        assertThat(problems.get(1).message()).isEqualTo("'photo-alt' describes the photo: add 'photo:' or remove it");
    }

    @Test
    void aPhotoMustBeAPictureUploadedToTheSite() {
        assertThat(
                        parse(
                                """
                title: Dr. Test Person
                description: An invented clinician.
                layout: clinician
                photo: https://example.com/jane.jpg
                photo-alt: Jane
                """))
                .isEmpty();

        assertThat(problems)
                .singleElement()
                .satisfies(problem -> assertThat(problem.line()).isEqualTo(5))
                .extracting(ContentProblem::message)
                .asString()
                .startsWith("'photo' must be a picture uploaded under Images, written like /images/jane-doe.jpg");
    }

    @Test
    void clinicianKeysOnAnyOtherPageAreErrorsAtTheirLines() {
        assertThat(
                        parse(
                                """
                title: The four stages
                description: About migraine.
                role: Medical director
                layout: visit
                credentials: MD
                """))
                .isEmpty();

        assertThat(problems)
                .extracting(ContentProblem::file, ContentProblem::line, ContentProblem::message)
                .containsExactly(
                        tuple(
                                "team/jane.md",
                                4,
                                "'role' belongs only on a clinician profile: add 'layout: clinician', or remove 'role'"),
                        tuple(
                                "team/jane.md",
                                6,
                                "'credentials' belongs only on a clinician profile: add 'layout: clinician',"
                                        + " or remove 'credentials'"));
    }

    @Test
    void withAMisspeltLayoutOnlyTheLayoutIsReported() {
        assertThat(parse("title: Dr. Test\ndescription: Invented.\nlayout: clinicain\nrole: Nurse"))
                .isEmpty();

        assertThat(problems)
                .singleElement()
                .extracting(ContentProblem::message)
                .asString()
                .startsWith("unknown layout");
    }

    @Test
    void aMissingPhotoIsAWarningAtThePhotoLineAndThePhotoCountsAsAPictureThePageUses() {
        ContentFiles files = new ContentFiles(root);
        files.write(
                "team/jane.md",
                page(
                        "Dr. Test Person",
                        "layout: clinician\nphoto: /images/missing.jpg\nphoto-alt: Dr. Test Person\n",
                        "An invented clinician."));

        ContentSnapshot content = ContentRepository.forFolder(root).current();

        assertThat(content.problems())
                .extracting(
                        ContentProblem::file, ContentProblem::line, ContentProblem::isError, ContentProblem::message)
                .containsExactly(tuple(
                        "team/jane.md",
                        5,
                        false,
                        "the image /images/missing.jpg is not in the content folder's images folder"));
        assertThat(content.find(new Slug("team/jane")).orElseThrow().links())
                .containsExactly(new PageLink("/images/missing.jpg", 5, true));
    }

    @Test
    void aTeamPageListsThePublishedProfilesDirectlyInItsFolderByName() {
        ContentFiles files = new ContentFiles(root);
        files.write("team/index.md", page("Our team", "layout: team\n", "Who we are."));
        files.write("team/zed.md", page("Zed Fixture", "layout: clinician\n", "Invented."));
        files.write("team/amy.md", page("amy Fixture", "layout: clinician\n", "Invented."));
        files.write("team/bea.md", page("Bea Fixture", "layout: clinician\ndraft: true\n", "Invented."));
        files.write("team/later.md", page("Cy Fixture", "layout: clinician\npublish: 2999-01-01\n", "Invented."));
        files.write("team/joining.md", page("Joining us", "", "Not a person."));
        files.write("team/nurses/dee.md", page("Dee Fixture", "layout: clinician\n", "Invented."));
        files.write("about/eve.md", page("Eve Fixture", "layout: clinician\n", "Invented."));
        files.write("faq.md", page("Questions", "", "Answers."));

        ContentSnapshot content = ContentRepository.forFolder(root).current();

        Page team = content.find(new Slug("team")).orElseThrow();
        assertThat(content.clinicians(team)).extracting(Page::url).containsExactly("/team/amy", "/team/zed");
        assertThat(content.clinicians(content.find(new Slug("faq")).orElseThrow()))
                .isEmpty();
        assertThat(content.clinicians(content.find(new Slug("team/joining")).orElseThrow()))
                .isEmpty();
    }

    @Test
    void aTeamPageWithNoProfilesListsNoOne() {
        new ContentFiles(root).write("team/index.md", page("Our team", "layout: team\n", "Who we are."));

        ContentSnapshot content = ContentRepository.forFolder(root).current();

        assertThat(content.clinicians(content.find(new Slug("team")).orElseThrow()))
                .isEmpty();
        assertThat(content.problems()).isEmpty();
    }
}
