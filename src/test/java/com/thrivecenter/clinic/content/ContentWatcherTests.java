package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits on disk reach the pages within two seconds, through the real file watcher. */
class ContentWatcherTests {

    private static final Duration LIVE_EDIT_LIMIT = Duration.ofSeconds(2);

    @TempDir
    Path root;

    private ContentFiles files;
    private ContentRepository repository;
    private ContentWatcher watcher;

    @BeforeEach
    void start() {
        files = new ContentFiles(root);
        files.write("faq.md", page("FAQ", "", "First"));
        files.write(".git/HEAD", "ref: refs/heads/main");
        repository = ContentRepository.forFolder(root);
        watcher = new ContentWatcher(repository);
        watcher.start();
    }

    @AfterEach
    void stop() {
        watcher.stop();
    }

    private String title(String slug) {
        return repository.current().find(new Slug(slug)).map(Page::title).orElse("(none)");
    }

    @Test
    void anEditedFileShowsWithoutARestart() {
        files.write("faq.md", page("Questions and answers", "", "Second"));

        await().atMost(LIVE_EDIT_LIMIT).until(() -> title("faq").equals("Questions and answers"));
    }

    @Test
    void aNewFileInANewFolderShows() {
        files.write("conditions/crps/index.md", page("CRPS", "", ""));

        await().atMost(LIVE_EDIT_LIMIT).until(() -> title("conditions/crps").equals("CRPS"));

        files.write("conditions/crps/treatment.md", page("Treatment", "", ""));

        await().atMost(LIVE_EDIT_LIMIT)
                .until(() -> title("conditions/crps/treatment").equals("Treatment"));
    }

    @Test
    void aDeletedFileGoes() {
        files.delete("faq.md");

        await().atMost(LIVE_EDIT_LIMIT)
                .until(() -> repository.current().find(new Slug("faq")).isEmpty());
    }

    @Test
    void changesInsideTheHistoryFolderAndToHiddenFilesCauseNoReload() {
        files.write("faq.md", page("Settled", "", ""));
        await().atMost(LIVE_EDIT_LIMIT).until(() -> title("faq").equals("Settled"));
        long settled = repository.current().version();

        // What a commit writes (in .git, existing and new folders), and an editor's temporary file.
        files.write(".git/index", "index");
        files.write(".git/objects/ab/cdef", "object");
        files.write(".git/objects/cd/ef01", "object");
        files.write(".faq.md.tmp", "draft");

        await().during(Duration.ofMillis(800))
                .atMost(LIVE_EDIT_LIMIT)
                .until(() -> repository.current().version() == settled);
    }

    @Test
    void aBrokenEditKeepsServingAndAFixShows() {
        files.write("faq.md", "---\ntitle: FAQ\nunknown: key\n---\n");

        await().atMost(LIVE_EDIT_LIMIT)
                .until(() -> !repository.current().problems().isEmpty());
        assertThat(title("faq")).isEqualTo("FAQ");

        files.write("faq.md", page("Fixed", "", ""));

        await().atMost(LIVE_EDIT_LIMIT).until(() -> title("faq").equals("Fixed"));
        assertThat(repository.current().problems()).isEmpty();
    }
}
