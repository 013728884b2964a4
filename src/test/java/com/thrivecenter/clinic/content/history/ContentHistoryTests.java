package com.thrivecenter.clinic.content.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.content.Approvals;
import com.thrivecenter.clinic.content.ChangeDates;
import com.thrivecenter.clinic.content.ContentProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history on real Git repositories in temporary folders, read back with JGit where it matters. */
class ContentHistoryTests {

    private static final Author DANA = new Author("Dana Reyes", "dana@clinic.example");
    private static final Author SAM = new Author("Sam Ortiz", "sam@clinic.example");

    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-03-05T10:15:30Z"), ZoneOffset.UTC);
    private final List<ChangeDates.Recorded> events = new ArrayList<>();
    private final List<ContentHistory> opened = new ArrayList<>();

    @AfterEach
    void closeRepositories() {
        opened.forEach(ContentHistory::close);
    }

    /** The history as the site's start leaves it: made, and read once by the pages' first load. */
    private ContentHistory history(boolean createAtStart) {
        ContentHistory history = unopened(createAtStart);
        history.datesAsOfNow();
        return history;
    }

    private ContentHistory unopened(boolean createAtStart) {
        ContentHistory history = new ContentHistory(
                new ContentProperties(root, Duration.ZERO, createAtStart, null, "", Duration.ZERO, null),
                clock,
                event -> events.add((ChangeDates.Recorded) event));
        opened.add(history);
        return history;
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private String read(String file) throws IOException {
        return Files.readString(root.resolve(file));
    }

    private List<RevCommit> log() throws Exception {
        try (Git git = Git.open(root.toFile())) {
            List<RevCommit> commits = new ArrayList<>();
            git.log().call().forEach(commits::add);
            return commits;
        }
    }

    @Test
    void theFirstStartMakesTheExistingFilesTheFirstVersion() throws Exception {
        write("faq.md", "Questions\n");
        write("images/logo.png", "png bytes");

        ContentHistory history = history(true);

        assertThat(root.resolve(".git")).isDirectory();
        List<Version> versions = history.versions("faq.md");
        assertThat(versions).singleElement().satisfies(version -> {
            assertThat(version.authorName()).isEqualTo("Website");
            assertThat(version.message()).isEqualTo("The pages as they were before the editor");
            assertThat(version.when()).isEqualTo(clock.instant());
        });
        assertThat(history.versions("images/logo.png")).containsExactlyElementsOf(versions);
        assertThat(history.textAt("faq.md", versions.get(0).id())).contains("Questions\n");
        assertThat(history.changedOutsideEditor()).isEmpty();
    }

    @Test
    void theFolderIsLookedAtOnFirstUseNotWhenTheHistoryIsMade() throws Exception {
        write("faq.md", "Questions\n");

        ContentHistory history = unopened(true);

        assertThat(root.resolve(".git"))
                .as("made as the site starts, the history leaves JGit to the pages' first load, on its own thread")
                .doesNotExist();
        assertThat(history.datesAsOfNow().lastChanged("faq.md")).contains(clock.instant());
        assertThat(log())
                .extracting(RevCommit::getFullMessage)
                .containsExactly("The pages as they were before the editor");
    }

    @Test
    void anExistingRepositoryIsUsedAsItIs() throws Exception {
        write("faq.md", "Questions\n");
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            git.add().addFilepattern(".").call();
            PersonIdent someone = new PersonIdent("Someone", "someone@example.com");
            git.commit()
                    .setAuthor(someone)
                    .setCommitter(someone)
                    .setMessage("Made by hand")
                    .setSign(false)
                    .call();
        }

        List<Version> versions = history(true).versions("faq.md");

        assertThat(versions).extracting(Version::message).containsExactly("Made by hand");
        assertThat(log()).hasSize(1);
    }

    @Test
    void aSaveWritesTheFileAndRecordsItWithTheStaffMemberAsAuthorAndTheSiteAsCommitter() throws Exception {
        ContentHistory history = history(true);

        Version version = history.save("conditions/crps.md", "# CRPS\n\nNew page.\n", DANA, "A page about CRPS");

        assertThat(Files.readAllBytes(root.resolve("conditions/crps.md")))
                .isEqualTo("# CRPS\n\nNew page.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(version.authorName()).isEqualTo("Dana Reyes");
        assertThat(version.authorEmail()).isEqualTo("dana@clinic.example");
        assertThat(version.message()).isEqualTo("A page about CRPS");
        RevCommit commit = log().get(0);
        assertThat(commit.name()).isEqualTo(version.id());
        assertThat(commit.getCommitterIdent().getName()).isEqualTo("Website");
        assertThat(history.changedOutsideEditor()).isEmpty();
        assertThat(events).isNotEmpty();
        try (var files = Files.list(root.resolve("conditions"))) {
            assertThat(files).as("no temporary file left beside the page").hasSize(1);
        }
    }

    @Test
    void versionsAreNewestFirstAndEachKeepsItsText() throws Exception {
        ContentHistory history = history(true);
        Version first = history.save("faq.md", "One\n", DANA, "First");
        clock.advance(Duration.ofMinutes(5));
        Version second = history.save("faq.md", "Two\n", SAM, "Second");
        history.save("other.md", "Elsewhere\n", SAM, "Not this page");

        assertThat(history.versions("faq.md")).containsExactly(second, first);
        assertThat(history.textAt("faq.md", first.id())).contains("One\n");
        assertThat(history.textAt("faq.md", second.id())).contains("Two\n");
        assertThat(history.textAt("faq.md", "0".repeat(40))).isEmpty();
        assertThat(history.textAt("faq.md", "not a version")).isEmpty();
    }

    @Test
    void anUnchangedSaveRecordsNothing() throws Exception {
        ContentHistory history = history(true);
        Version saved = history.save("faq.md", "Same\n", DANA, "First");

        assertThat(history.save("faq.md", "Same\n", SAM, "Again")).isEqualTo(saved);
        assertThat(history.versions("faq.md")).containsExactly(saved);
    }

    @Test
    void aRestoreIsANewVersionAndTheHistoryStaysWhole() throws Exception {
        ContentHistory history = history(true);
        Version first = history.save("faq.md", "The right dose.\n", DANA, "First");
        clock.advance(Duration.ofHours(1));
        Version wrong = history.save("faq.md", "A wrong dose.\n", SAM, "Oops");
        clock.advance(Duration.ofHours(1));

        Version restored = history.restore("faq.md", first.id(), SAM);

        assertThat(read("faq.md")).isEqualTo("The right dose.\n");
        assertThat(restored.authorName()).isEqualTo("Sam Ortiz");
        assertThat(restored.message()).isEqualTo("Restored the version of 5 March 2024 at 10:15 by Dana Reyes");
        assertThat(history.versions("faq.md")).containsExactly(restored, wrong, first);
        assertThat(history.textAt("faq.md", wrong.id())).contains("A wrong dose.\n");
        assertThat(log()).extracting(RevCommit::name).contains(first.id(), wrong.id());
    }

    @Test
    void aDeletionIsAVersionAndARestoreBringsTheFileBack() throws Exception {
        write("faq.md", "Questions\n");
        ContentHistory history = history(true);
        Version imported = history.versions("faq.md").get(0);

        Version deleted = history.delete("faq.md", DANA, "No longer needed");

        assertThat(root.resolve("faq.md")).doesNotExist();
        assertThat(history.versions("faq.md")).containsExactly(deleted, imported);
        assertThat(history.textAt("faq.md", deleted.id())).isEmpty();

        Version restored = history.restore("faq.md", imported.id(), SAM);

        assertThat(read("faq.md")).isEqualTo("Questions\n");
        assertThat(history.versions("faq.md")).containsExactly(restored, deleted, imported);
        assertThatIllegalArgumentException().isThrownBy(() -> history.restore("faq.md", deleted.id(), SAM));
    }

    @Test
    void changesOnDiskAreSeenAndRecordedAsOneVersion() throws Exception {
        write("faq.md", "Questions\n");
        write("old.md", "Old\n");
        ContentHistory history = history(true);

        write("faq.md", "Questions, edited on the server\n");
        write("conditions/crps/index.md", "New\n");
        write("images/photo.jpg", "jpeg bytes");
        write("notes.txt", "not content");
        write(".faq.md.swp", "an editor's scratch file");
        Files.delete(root.resolve("old.md"));

        assertThat(history.changedOutsideEditor())
                .containsExactly("conditions/crps/index.md", "faq.md", "images/photo.jpg", "old.md");

        Version recorded = history.recordOutsideChanges(DANA).orElseThrow();

        assertThat(recorded.authorName()).isEqualTo("Dana Reyes");
        assertThat(history.changedOutsideEditor()).isEmpty();
        for (String file : List.of("conditions/crps/index.md", "faq.md", "images/photo.jpg", "old.md")) {
            assertThat(history.versions(file).get(0)).as(file).isEqualTo(recorded);
        }
        assertThat(history.textAt("faq.md", recorded.id())).contains("Questions, edited on the server\n");
        assertThat(history.recordOutsideChanges(DANA)).isEmpty();
    }

    @Test
    void aSaveOverAnEditOnDiskKeepsThatEditAsAVersionOfItsOwn() throws Exception {
        write("faq.md", "Questions\n");
        ContentHistory history = history(true);
        write("faq.md", "Edited on the server\n");

        Version saved = history.save("faq.md", "Edited in the browser\n", DANA, "Better");

        List<Version> versions = history.versions("faq.md");
        assertThat(versions).hasSize(3).first().isEqualTo(saved);
        assertThat(versions.get(1).message()).isEqualTo("Changes made outside the editor");
        assertThat(history.textAt("faq.md", versions.get(1).id())).contains("Edited on the server\n");
    }

    @Test
    void lastChangedIsTheTimeOfTheLastVersionThatTouchedTheFile() throws Exception {
        write("faq.md", "Questions\n");
        ContentHistory history = history(true);
        Instant imported = clock.instant();
        clock.advance(Duration.ofDays(3));
        history.save("privacy.md", "Private\n", DANA, "New page");
        Instant privacySaved = clock.instant();
        clock.advance(Duration.ofDays(2));
        history.delete("privacy.md", DANA, "Gone");

        assertThat(history.lastChanged("faq.md")).contains(imported);
        assertThat(history.lastChanged("privacy.md")).contains(clock.instant()).isNotEqualTo(privacySaved);
        assertThat(history.lastChanged("never.md")).isEmpty();
    }

    @Test
    void datesAndApprovalsAsOfNowAnswerForEveryFileAndKeepToThatMoment() throws Exception {
        write("faq.md", "Questions\n");
        write("privacy.md", "Private\n");
        ContentHistory history = history(true);
        Instant imported = clock.instant();
        clock.advance(Duration.ofDays(1));
        Version saved = history.save("faq.md", "Answers\n", DANA, "Answered");
        Instant answered = clock.instant();
        history.approve("faq.md", saved.id(), SAM);

        ChangeDates dates = history.datesAsOfNow();
        Approvals approvals = history.approvalsAsOfNow();
        clock.advance(Duration.ofDays(1));
        Version later = history.save("faq.md", "Answers, revised\n", DANA, "Revised");
        history.approve("faq.md", later.id(), DANA);

        assertThat(dates.lastChanged("faq.md")).contains(answered);
        assertThat(dates.lastChanged("privacy.md")).contains(imported);
        assertThat(dates.lastChanged("never.md")).isEmpty();
        assertThat(approvals.lastApproval("faq.md")).hasValueSatisfying(approval -> {
            assertThat(approval.reviewer()).isEqualTo(SAM.name());
            assertThat(approval.text()).isEqualTo("Answers\n");
        });
        assertThat(approvals.lastApproval("privacy.md")).isEmpty();
        assertThat(history.datesAsOfNow().lastChanged("faq.md")).contains(clock.instant());
        assertThat(history.approvalsAsOfNow().lastApproval("faq.md"))
                .map(Approvals.Approval::reviewer)
                .contains(DANA.name());
    }

    @Test
    void savesOfDifferentFilesFromEightThreadsAllLandAsVersions() throws Exception {
        ContentHistory history = history(true);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Version>> saves = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String file = "pages/page-" + i + ".md";
                String text = "Page " + i + "\n";
                saves.add(() -> history.save(file, text, DANA, "Page " + file));
            }
            List<Version> saved = new ArrayList<>();
            for (Future<Version> future : threads.invokeAll(saves)) {
                saved.add(future.get());
            }

            for (int i = 0; i < 8; i++) {
                String file = "pages/page-" + i + ".md";
                assertThat(read(file)).isEqualTo("Page " + i + "\n");
                assertThat(history.versions(file)).singleElement().isIn(saved);
            }
            assertThat(log()).hasSize(1 + 8);
            assertThat(history.changedOutsideEditor()).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void withTheSettingOffNothingIsCreatedUntilTheFirstSave() throws Exception {
        write("faq.md", "Questions\n");
        ContentHistory history = history(false);

        assertThat(root.resolve(".git")).doesNotExist();
        assertThat(history.versions("faq.md")).isEmpty();
        assertThat(history.lastChanged("faq.md")).isEmpty();
        assertThat(history.changedOutsideEditor()).isEmpty();

        history.save("privacy.md", "Private\n", DANA, "New page");

        assertThat(history.versions("faq.md"))
                .extracting(Version::message)
                .containsExactly("The pages as they were before the editor");
        assertThat(history.versions("privacy.md")).extracting(Version::message).containsExactly("New page");
    }

    @Test
    void onlyPathsInsideTheContentFolderAreAccepted() {
        ContentHistory history = history(true);

        for (String file :
                List.of("../outside.md", "/etc/passwd", ".git/config", "a/.GIT/x", "a//b.md", "a\\b.md", "")) {
            assertThatIllegalArgumentException().as(file).isThrownBy(() -> history.save(file, "text", DANA, "message"));
            assertThatIllegalArgumentException().as(file).isThrownBy(() -> history.versions(file));
        }
        assertThat(root.getParent().resolve("outside.md")).doesNotExist();
    }
}
