package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentRepositoryTests {

    @TempDir
    Path root;

    private ContentFiles files;

    @BeforeEach
    void setUp() {
        files = new ContentFiles(root);
    }

    private ContentRepository load() {
        return ContentRepository.forFolder(root);
    }

    private String titleAt(ContentRepository repository, String slug) {
        return repository.current().find(new Slug(slug)).map(Page::title).orElse("(none)");
    }

    @Test
    void loadsEveryMarkdownFileAtItsAddress() {
        files.write("index.md", page("Home", "", "Welcome"));
        files.write("migraine/index.md", page("Migraine", "", "About migraine"));
        files.write("migraine/stages.md", page("Stages", "", "## Aura\nText"));

        ContentRepository repository = load();

        assertThat(repository.current().publishedPages())
                .extracting(Page::url)
                .containsExactly("/", "/migraine", "/migraine/stages");
        assertThat(repository
                        .current()
                        .find(new Slug("migraine/stages"))
                        .orElseThrow()
                        .bodyHtml())
                .contains("<h2 id=\"aura\">Aura</h2>");
        assertThat(repository.current().problems()).isEmpty();
    }

    @Test
    void theStaffGuideHiddenFilesAndOtherFilesAreNoPages() {
        files.write("README.md", "# Guide for staff");
        files.write("migraine/README.md", "# Notes");
        files.write(".draft.md", page("Hidden", "", ""));
        files.write(".git/config.md", page("Git", "", ""));
        files.write("notes.txt", "not markdown");
        files.write("faq.md", page("FAQ", "", ""));

        ContentRepository repository = load();

        assertThat(repository.current().publishedPages()).extracting(Page::url).containsExactly("/faq");
        assertThat(repository.current().problems()).isEmpty();
    }

    @Test
    void draftsAreNeitherServedNorInTheMenu() {
        files.write("faq.md", page("FAQ", "nav:\n  label: FAQ\n  order: 40\n", ""));
        files.write("new.md", page("Coming soon", "draft: true\nnav:\n  label: New\n  order: 1\n", ""));

        ContentRepository repository = load();

        assertThat(repository.current().find(new Slug("new"))).isEmpty();
        assertThat(repository.current().publishedPages()).extracting(Page::url).containsExactly("/faq");
        assertThat(repository.current().menu()).containsExactly(new MenuItem("FAQ", "/faq"));
    }

    @Test
    void theMenuFollowsNavOrder() {
        files.write("faq.md", page("Questions and answers", "nav:\n  label: FAQ\n  order: 40\n", ""));
        files.write("migraine/index.md", page("Migraine", "nav:\n  label: Migraines\n  order: 10\n", ""));
        files.write("ketamine/index.md", page("Ketamine", "nav:\n  order: 20\n", ""));
        files.write("privacy.md", page("Privacy", "", ""));

        assertThat(load().current().menu())
                .containsExactly(
                        new MenuItem("Migraines", "/migraine"),
                        new MenuItem("Ketamine", "/ketamine"),
                        new MenuItem("FAQ", "/faq"));
    }

    @Test
    void nestedPagesHaveBreadcrumbsThroughThePagesAboveThem() {
        files.write("index.md", page("Home", "", ""));
        files.write("migraine/index.md", page("What is a migraine?", "nav:\n  label: Migraines\n  order: 10\n", ""));
        files.write("migraine/stages.md", page("Stages", "", ""));
        files.write("conditions/crps.md", page("CRPS", "", ""));
        ContentSnapshot content = load().current();

        assertThat(content.breadcrumbs(content.find(new Slug("migraine/stages")).orElseThrow()))
                .containsExactly(new Breadcrumb("Home", "/"), new Breadcrumb("Migraines", "/migraine"));
        assertThat(content.breadcrumbs(content.find(new Slug("conditions/crps")).orElseThrow()))
                .containsExactly(new Breadcrumb("Home", "/"));
        assertThat(content.breadcrumbs(content.find(new Slug("migraine")).orElseThrow()))
                .isEmpty();
    }

    @Test
    void pagesAreServedFromMemoryWithoutReadingFiles() {
        files.write("faq.md", page("FAQ", "", "An answer"));
        ContentRepository repository = load();

        files.delete("faq.md");

        assertThat(repository.current().find(new Slug("faq")).orElseThrow().bodyHtml())
                .contains("An answer");
    }

    @Test
    void anEditShowsAfterReload() {
        files.write("faq.md", page("FAQ", "", "Old answer"));
        ContentRepository repository = load();

        files.write("faq.md", page("Questions", "", "New answer"));
        repository.reload();

        Page page = repository.current().find(new Slug("faq")).orElseThrow();
        assertThat(page.title()).isEqualTo("Questions");
        assertThat(page.bodyHtml()).contains("New answer");
    }

    @Test
    void aBrokenEditKeepsTheLastGoodVersionAndIsReported() {
        files.write("faq.md", page("FAQ", "", "Good answer"));
        files.write("privacy.md", page("Privacy", "", ""));
        ContentRepository repository = load();

        files.write("faq.md", "---\ntitle: FAQ\ndescription: Questions.\nauthor: Someone\n---\nNew text\n");
        repository.reload();

        assertThat(repository.current().find(new Slug("faq")).orElseThrow().bodyHtml())
                .contains("Good answer");
        assertThat(titleAt(repository, "privacy")).isEqualTo("Privacy");
        assertThat(repository.current().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("faq.md");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).contains("unknown key 'author'");
        });

        files.write("faq.md", page("FAQ", "", "Fixed answer"));
        repository.reload();

        assertThat(repository.current().find(new Slug("faq")).orElseThrow().bodyHtml())
                .contains("Fixed answer");
        assertThat(repository.current().problems()).isEmpty();
    }

    @Test
    void aPageWithOnlyWarningsIsServedAndTheyAreListed() {
        files.write("faq.md", page("FAQ", "", "Old answer"));
        ContentRepository repository = load();

        files.write("faq.md", page("FAQ", "", "New answer: a miracle."));
        repository.reload();

        assertThat(repository.current().find(new Slug("faq")).orElseThrow().bodyHtml())
                .contains("New answer");
        assertThat(repository.current().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(ContentProblem.Severity.WARNING);
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.message()).startsWith("'miracle' promises a result");
        });
    }

    @Test
    void aFileThatWasNeverGoodIsNotServed() {
        files.write("faq.md", "---\ndescription: No title here.\n---\nText\n");
        files.write("broken.md", "---\ntitle: [unclosed\n---\n");
        files.write("plain.md", "Just text, no front matter");
        files.write("Bad Name.md", page("Bad", "", ""));
        files.write("ok.md", page("OK", "", ""));

        ContentRepository repository = load();

        assertThat(repository.current().publishedPages()).extracting(Page::url).containsExactly("/ok");
        assertThat(repository.current().problems())
                .extracting(ContentProblem::file)
                .containsExactlyInAnyOrder("faq.md", "broken.md", "plain.md", "Bad Name.md");
    }

    @Test
    void aDeletedFileIsNoLongerServed() {
        files.write("faq.md", page("FAQ", "", ""));
        files.write("privacy.md", page("Privacy", "", ""));
        ContentRepository repository = load();

        files.delete("faq.md");
        repository.reload();

        assertThat(repository.current().find(new Slug("faq"))).isEmpty();
        assertThat(titleAt(repository, "privacy")).isEqualTo("Privacy");
    }

    @Test
    void twoFilesForOneAddressAreReported() {
        files.write("migraine.md", page("One", "", ""));
        files.write("migraine/index.md", page("Two", "", ""));

        ContentRepository repository = load();

        assertThat(repository.current().find(new Slug("migraine"))).isPresent();
        assertThat(repository.current().problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("both make the page /migraine"));
    }

    @Test
    void aMissingContentFolderServesNothingButDoesNotFail() {
        ContentRepository repository = ContentRepository.forFolder(root.resolve("missing"));

        assertThat(repository.current().publishedPages()).isEmpty();
        assertThat(repository.current().menu()).isEmpty();
    }

    @Test
    void anOldAddressThatIsAPageOrClaimedTwiceOrReservedIsAProblem() {
        files.write("index.md", page("Home", "", ""));
        files.write("faq.md", page("FAQ", "aliases:\n  - /\n  - /questions\n", ""));
        files.write("help.md", page("Help", "aliases:\n  - /questions\n  - /staff/help\n  - not-an-address\n", ""));

        ContentSnapshot content = load().current();

        assertThat(content.problems())
                .extracting(ContentProblem::toString)
                .contains(
                        "faq.md:1: error: the old address / is the address of index.md; remove it from 'aliases'",
                        "help.md:6: error: the old address /staff/help belongs to the website itself",
                        "help.md:7: error: 'not-an-address' is not an address of this site; write it like"
                                + " /migraine/old-name");
        assertThat(content.movedTo(new Slug("questions"))).map(Page::url).contains("/faq");
    }

    /** The first load runs beside the rest of the start: making the repository does not wait for it, asking does. */
    @Test
    void theFirstLoadRunsOnAThreadOfItsOwnAndWhoeverAsksWaitsForIt() throws Exception {
        files.write("faq.md", page("FAQ", "", "Answers."));
        CountDownLatch historyRead = new CountDownLatch(1);
        ChangeDates slowHistory = historyThat(() -> {
            try {
                // Bounded, so that a load made in the constructor fails the test below instead of hanging it.
                historyRead.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        ContentRepository repository = repository(slowHistory);
        CompletableFuture<ContentSnapshot> asked = CompletableFuture.supplyAsync(repository::current);

        assertThat(asked).isNotDone();
        historyRead.countDown();
        assertThat(asked.get(10, TimeUnit.SECONDS).find(new Slug("faq"))).isPresent();
        repository.afterSingletonsInstantiated();
    }

    /** A first load that fails stops the site's start, as when it ran in the constructor. */
    @Test
    void aFirstLoadThatFailsStopsTheStart() {
        files.write("faq.md", page("FAQ", "", "Answers."));
        ChangeDates broken = historyThat(() -> {
            throw new IllegalStateException("the history cannot be read");
        });

        ContentRepository repository = repository(broken);

        assertThatThrownBy(repository::afterSingletonsInstantiated).hasRootCauseMessage("the history cannot be read");
    }

    /** A history with no dates, which does what it is given whenever a load reads it. */
    private static ChangeDates historyThat(Runnable whenRead) {
        return new ChangeDates() {
            @Override
            public Optional<Instant> lastChanged(String file) {
                return Optional.empty();
            }

            @Override
            public ChangeDates datesAsOfNow() {
                whenRead.run();
                return this;
            }
        };
    }

    private ContentRepository repository(ChangeDates dates) {
        return new ContentRepository(
                new ContentProperties(root, Duration.ZERO, false, null, "", Duration.ZERO, null),
                new PageParser(
                        new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names()),
                ParsedPages.NONE,
                dates,
                Approvals.NONE,
                Clock.systemUTC());
    }
}
