package com.thrivecenter.clinic.content.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thrivecenter.clinic.content.ContentProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances' histories, each in a folder of its own, sharing one bare repository as the content store: what
 * one saves the other pulls, waiting versions reach the store once it is back, and a conflict loses nothing.
 */
class ContentRemoteTests {

    private static final Author DANA = new Author("Dana Reyes", "dana@clinic.example");
    private static final Author LEE = new Author("Lee Park", "lee@clinic.example");

    @TempDir
    Path temp;

    private Path store;
    private final List<ContentHistory> opened = new ArrayList<>();
    private final AtomicInteger reloads = new AtomicInteger();

    @BeforeEach
    void emptyStore() throws Exception {
        store = temp.resolve("store.git");
        Git.init()
                .setBare(true)
                .setInitialBranch("main")
                .setDirectory(store.toFile())
                .call()
                .close();
    }

    @AfterEach
    void close() {
        opened.forEach(ContentHistory::close);
    }

    @Test
    void anEmptyStoreReceivesTheFirstInstancesPagesAndAnEmptyFolderBecomesAClone() throws IOException {
        Path a = folderWith("faq.md", "The first answer.");
        ContentHistory first = instance(a);

        ContentHistory second = instance(temp.resolve("b"));

        assertThat(temp.resolve("b/faq.md")).hasContent("The first answer.");
        assertThat(second.versions("faq.md"))
                .extracting(Version::message)
                .containsExactly("The pages as they were before the editor");
        assertThat(first.replication()).hasValueSatisfying(replication -> {
            assertThat(replication.reachable()).isTrue();
            assertThat(replication.waiting()).isZero();
        });
    }

    @Test
    void aSaveOnOneInstanceReachesTheOtherAtItsNextPull() {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        ContentHistory b = instance(temp.resolve("b"));

        Version saved = a.save("faq.md", "A better answer.", DANA, "Clearer");
        b.pull();

        assertThat(temp.resolve("b/faq.md")).hasContent("A better answer.");
        assertThat(b.lastChange("faq.md")).hasValueSatisfying(version -> {
            assertThat(version.id()).isEqualTo(saved.id());
            assertThat(version.authorName()).isEqualTo("Dana Reyes");
        });
        assertThat(reloads)
                .as("the pages reload after a pull that brought something")
                .hasPositiveValue();
    }

    @Test
    void aSaveBasedOnTextAnotherInstanceChangedIsRefusedWithTheirText() {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        ContentHistory b = instance(temp.resolve("b"));
        a.save("faq.md", "Dana's answer.", DANA, "Dana");

        assertThatThrownBy(() -> b.save(
                        "faq.md",
                        "Lee's answer.",
                        LEE,
                        "Lee",
                        current -> current.equals(Optional.of("The first answer."))))
                .isInstanceOfSatisfying(PageChangedException.class, changed -> assertThat(changed.currentText())
                        .isEqualTo("Dana's answer."));
        assertThat(temp.resolve("b/faq.md")).hasContent("Dana's answer.");
        assertThat(b.replication().orElseThrow().waiting()).isZero();
    }

    @Test
    void whileTheStoreIsGoneSavesWaitAndReachItWhenItIsBack() throws IOException {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        ContentHistory b = instance(temp.resolve("b"));
        Path away = temp.resolve("away.git");
        Files.move(store, away);

        a.save("faq.md", "Saved while the store was gone.", DANA, "Offline");

        Replication gone = a.replication().orElseThrow();
        assertThat(gone.reachable()).isFalse();
        assertThat(gone.unreachableSince()).isPresent();
        assertThat(gone.waiting()).isEqualTo(1);
        assertThat(temp.resolve("a/faq.md")).hasContent("Saved while the store was gone.");

        Files.move(away, store);
        a.pull();
        b.pull();

        assertThat(a.replication().orElseThrow().reachable()).isTrue();
        assertThat(a.replication().orElseThrow().waiting()).isZero();
        assertThat(temp.resolve("b/faq.md")).hasContent("Saved while the store was gone.");
    }

    @Test
    void aStoreSeenEmptyAsItGoesAwayIsNotTakenForEmpty() throws Exception {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        a.save("faq.md", "A second answer.", DANA, "Second");
        Path away = temp.resolve("away.git");
        Files.move(store, away);
        // What a fetch sees of a store moved while it reads: a repository with no branches. The push right after
        // finds nothing there; the hook (run by the push, before it sends) takes the empty repository away.
        emptyStore();
        hook(temp.resolve("a"), "pre-push", "mv '" + store + "' '" + temp.resolve("gone.git") + "'");

        a.save("faq.md", "Saved as the store went away.", DANA, "Offline");

        Replication gone = a.replication().orElseThrow();
        assertThat(gone.reachable()).isFalse();
        assertThat(gone.waiting()).as("only the new save waits").isEqualTo(1);

        Files.delete(temp.resolve("a/.git/hooks/pre-push"));
        Files.move(away, store);
        a.pull();

        assertThat(a.replication().orElseThrow().waiting()).isZero();
        try (Git inStore = Git.open(store.toFile())) {
            assertThat(inStore.log().call())
                    .extracting(RevCommit::getShortMessage)
                    .startsWith("Offline", "Second");
        }
    }

    @Test
    void aStoreRebuiltEmptyIsRefilledFromTheInstancesHistory() throws Exception {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        a.save("faq.md", "A second answer.", DANA, "Second");
        Files.move(store, temp.resolve("lost.git"));
        emptyStore();

        a.pull();

        assertThat(a.replication().orElseThrow().waiting()).isZero();
        ContentHistory b = instance(temp.resolve("b"));
        assertThat(temp.resolve("b/faq.md")).hasContent("A second answer.");
        assertThat(b.versions("faq.md")).extracting(Version::message).startsWith("Second");
    }

    @Test
    void differentPagesSavedApartBothLandAndTheHistoryStaysOneLine() throws IOException {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        Files.writeString(temp.resolve("a/fees.md"), "Ask about fees.");
        a.recordOutsideChanges(DANA);
        ContentHistory b = instance(temp.resolve("b"));
        Path away = temp.resolve("away.git");
        Files.move(store, away);
        a.save("faq.md", "Dana's answer.", DANA, "Dana");
        Files.move(away, store);

        b.save("fees.md", "Lee's fees.", LEE, "Lee");
        a.pull();
        b.pull();

        for (String folder : List.of("a", "b")) {
            assertThat(temp.resolve(folder + "/faq.md")).hasContent("Dana's answer.");
            assertThat(temp.resolve(folder + "/fees.md")).hasContent("Lee's fees.");
        }
        assertThat(a.versions("fees.md").get(0).message()).isEqualTo("Lee");
        assertThat(b.versions("faq.md").get(0).message()).isEqualTo("Dana");
    }

    @Test
    void aWaitingSaveOfAPageAnotherInstanceSavedFirstIsKeptAsideInTheStore() throws Exception {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        ContentHistory b = instance(temp.resolve("b"));
        Path away = temp.resolve("away.git");
        Files.move(store, away);
        Version waiting = a.save("faq.md", "Dana's answer, saved offline.", DANA, "Dana");
        Files.move(away, store);
        b.save("faq.md", "Lee's answer.", LEE, "Lee");

        a.pull();

        assertThat(temp.resolve("a/faq.md")).hasContent("Lee's answer.");
        Replication afterwards = a.replication().orElseThrow();
        assertThat(afterwards.waiting()).isZero();
        assertThat(afterwards.keptAside()).singleElement().satisfies(kept -> {
            assertThat(kept.file()).isEqualTo("faq.md");
            assertThat(kept.version().id()).isEqualTo(waiting.id());
        });
        assertThat(a.textAt("faq.md", waiting.id())).contains("Dana's answer, saved offline.");
        assertThat(a.versions("faq.md"))
                .extracting(Version::message)
                .contains("Kept aside (another server saved this page first): Dana");
        try (Git bare = Git.open(store.toFile())) {
            assertThat(bare.getRepository().getRefDatabase().getRefsByPrefix(Constants.R_HEADS + "conflicts/"))
                    .extracting(Ref::getObjectId)
                    .extracting(id -> id.name())
                    .containsExactly(waiting.id());
        }
        b.pull();
        assertThat(b.replication().orElseThrow().keptAside()).hasSize(1);
        assertThat(temp.resolve("b/faq.md")).hasContent("Lee's answer.");
    }

    @Test
    void aPullRecordsAFileChangedByHandFirstAndSharesIt() throws IOException {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        ContentHistory b = instance(temp.resolve("b"));
        a.save("faq.md", "Dana's answer.", DANA, "Dana");
        Files.writeString(temp.resolve("b/fees.md"), "Written on the server by hand.");

        b.pull();
        a.pull();

        assertThat(temp.resolve("b/faq.md")).hasContent("Dana's answer.");
        assertThat(temp.resolve("a/fees.md")).hasContent("Written on the server by hand.");
        assertThat(b.changedOutsideEditor()).isEmpty();
    }

    @Test
    void anApprovalTravelsWithThePage() {
        ContentHistory a = instance(folderWith("faq.md", "The first answer."));
        ContentHistory b = instance(temp.resolve("b"));
        Version saved = a.save("faq.md", "A reviewed answer.", DANA, "Dana");

        a.approve("faq.md", saved.id(), new Author("Dr. Kim", "kim@clinic.example"));
        b.pull();

        assertThat(b.lastApproval("faq.md"))
                .hasValueSatisfying(approval -> assertThat(approval.text()).isEqualTo("A reviewed answer."));
    }

    @Test
    void aFolderWithPagesThatIsNotACloneOfAStoreWithPagesIsRefusedAtStart() {
        instance(folderWith("faq.md", "The store's answer."));
        Path other = temp.resolve("other");
        write(other, "faq.md", "Another site's answer.");

        assertThatThrownBy(() -> instance(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a clone of the content store");
        assertThat(other.resolve("faq.md")).hasContent("Another site's answer.");
        assertThat(other.resolve(".git")).doesNotExist();
    }

    @Test
    void aHistoryUnrelatedToTheStoresIsRefusedAtStart() {
        instance(folderWith("faq.md", "The store's answer."));
        Path other = temp.resolve("other");
        write(other, "faq.md", "Another site's answer.");
        try (ContentHistory local = new ContentHistory(properties(other, ""), Clock.systemUTC(), event -> {})) {
            // The pages' first load makes the folder's own history.
            local.datesAsOfNow();
        }

        assertThatThrownBy(() -> instance(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no version in common");
    }

    @Test
    void withoutAStoreThereIsNoReplicationAndAPullDoesNothing() {
        Path folder = temp.resolve("alone");
        write(folder, "faq.md", "The first answer.");
        ContentHistory alone = new ContentHistory(properties(folder, ""), Clock.systemUTC(), event -> {});
        opened.add(alone);
        alone.datesAsOfNow();

        alone.pull();

        assertThat(alone.replication()).isEmpty();
        try (Repository repository = Git.open(folder.toFile()).getRepository()) {
            assertThat(repository.getConfig().getSubsections("remote")).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An executable Git hook in the folder's history: JGit runs it as Git would. */
    private static void hook(Path folder, String name, String script) throws IOException {
        Path hook = Files.createDirectories(folder.resolve(".git/hooks")).resolve(name);
        Files.writeString(hook, "#!/bin/sh\n" + script + "\n");
        hook.toFile().setExecutable(true);
    }

    private Path folderWith(String file, String text) {
        Path folder = temp.resolve("a");
        write(folder, file, text);
        return folder;
    }

    private static void write(Path folder, String file, String text) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(file), text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ContentHistory instance(Path folder) {
        ContentHistory history = new ContentHistory(
                properties(folder, store.toString()), Clock.systemUTC(), event -> reloads.incrementAndGet());
        opened.add(history);
        return history;
    }

    private static ContentProperties properties(Path folder, String remote) {
        return new ContentProperties(folder, Duration.ZERO, true, null, remote, Duration.ofSeconds(1), null);
    }
}
