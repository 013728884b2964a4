package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.content.history.Author;
import com.thrivecenter.clinic.content.history.ContentHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page's "last updated" date is that of its last version, not its file's modification time. */
class PageDatesFromHistoryTests {

    private static final Instant SAVED = Instant.parse("2024-03-05T10:00:00Z");
    private static final Author DANA = new Author("Dana Reyes", "dana@clinic.example");

    @TempDir
    Path original;

    @TempDir
    Path copy;

    private final PageParser parser =
            new PageParser(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names());

    private static ContentHistory history(Path folder, Clock clock) {
        return new ContentHistory(
                new ContentProperties(folder, Duration.ZERO, true, null, "", Duration.ZERO, null), clock, event -> {});
    }

    private LocalDate updated(ContentRepository repository, String slug) {
        return repository.current().find(new Slug(slug)).orElseThrow().updated();
    }

    @Test
    void aCopiedFolderKeepsTheDatesOfItsVersions() throws IOException {
        try (ContentHistory history = history(original, Clock.fixed(SAVED, ZoneOffset.UTC))) {
            history.save("faq.md", page("FAQ", "", "Answers."), DANA, "New page");
        }
        TemporaryContent.copy(original, copy);
        new ContentFiles(copy).write("new.md", page("New", "", "Not yet a version."));
        Files.setLastModifiedTime(copy.resolve("new.md"), FileTime.from(Instant.parse("2025-01-02T12:00:00Z")));

        try (ContentHistory history = history(copy, Clock.systemUTC())) {
            ContentRepository repository = new ContentRepository(
                    new ContentProperties(copy, Duration.ZERO, true, null, "", Duration.ZERO, null),
                    parser,
                    ParsedPages.NONE,
                    history,
                    history,
                    Clock.systemUTC());

            assertThat(updated(repository, "faq")).isEqualTo(LocalDate.ofInstant(SAVED, ZoneId.systemDefault()));
            assertThat(updated(repository, "new"))
                    .as("a file with no version yet keeps its modification date")
                    .isEqualTo(LocalDate.ofInstant(Instant.parse("2025-01-02T12:00:00Z"), ZoneId.systemDefault()));
        }
    }

    @Test
    void recordingAnEditAlreadyOnDiskMovesThePageToTheDateOfThatVersion() throws IOException {
        Instant recorded = Instant.parse("2024-06-01T09:00:00Z");
        new ContentFiles(original).write("faq.md", page("FAQ", "", "Answers."));
        try (ContentHistory history = history(original, Clock.fixed(SAVED, ZoneOffset.UTC));
                ContentHistory later = history(original, Clock.fixed(recorded, ZoneOffset.UTC))) {
            ContentRepository repository = new ContentRepository(
                    new ContentProperties(original, Duration.ZERO, true, null, "", Duration.ZERO, null),
                    parser,
                    ParsedPages.NONE,
                    history,
                    history,
                    Clock.systemUTC());
            // The site has started: its first load made the history.
            repository.current();
            new ContentFiles(original).write("faq.md", page("FAQ", "", "Better answers."));
            repository.reload();
            assertThat(updated(repository, "faq"))
                    .as("until it is recorded, the edit on disk goes by the last version's date")
                    .isEqualTo(LocalDate.ofInstant(SAVED, ZoneId.systemDefault()));

            later.recordOutsideChanges(DANA);
            repository.reload();

            assertThat(updated(repository, "faq")).isEqualTo(LocalDate.ofInstant(recorded, ZoneId.systemDefault()));
        }
    }

    @Test
    void theCommandLineCheckReadsAFolderWithoutMakingItARepository() {
        new ContentFiles(original).write("faq.md", page("FAQ", "", "Answers."));

        ContentRepository.forFolder(original);

        assertThat(original.resolve(".git")).doesNotExist();
    }
}
