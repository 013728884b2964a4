package com.thrivecenter.clinic.content.history;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import com.thrivecenter.clinic.content.Approvals;
import com.thrivecenter.clinic.content.ChangeDates;
import com.thrivecenter.clinic.content.ContentProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every save of a page is a version: the content folder is a Git repository ({@code .git} inside it), each save,
 * deletion or restore one commit of that one file, with the staff member as author and the site as committer.
 * History is never rewritten; a restore is a new version. Files changed on disk by other means are found and
 * recorded too, so nothing staff could want back is lost. A clinician's approval of a page is a version too, one
 * that changes no file and names the page and the reviewer in its trailers ({@code Reviewed-file:},
 * {@code Reviewed-by:}). One lock serves every method, so all are thread-safe.
 *
 * <p>With a content store ({@code clinic.content.remote}) the folder is a clone of it, shared by every instance:
 * each change is pushed as it is recorded, and {@link #pull()} brings the other instances' (see
 * {@link ContentRemote}). While the store cannot be reached, changes are recorded here and wait.
 */
@Component
public class ContentHistory implements ChangeDates, Approvals, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContentHistory.class);

    /** The site itself: committer of every version, author of the first one and of edits made outside it. */
    static final Author WEBSITE = new Author("Website", "");

    private static final String FIRST_MESSAGE = "The pages as they were before the editor";
    private static final String OUTSIDE_MESSAGE = "Changes made outside the editor";
    private static final DateTimeFormatter RESTORED_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}");
    static final String REVIEWED_FILE = "Reviewed-file";
    private static final String REVIEWED_BY = "Reviewed-by";
    private static final String KEPT_ASIDE_MESSAGE = "Kept aside (another server saved this page first): ";

    private final Path root;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Optional<ContentRemote> remote;
    private final boolean makeHistory;
    private final Object lock = new Object();

    /** Empty until the folder is a repository; guarded by the lock, like everything below. */
    private Optional<Git> git = Optional.empty();

    /** Whether the folder's repository was looked for yet: on first use, not as the site starts (see opened()). */
    private boolean lookedFor;

    private LastChanges lastChanges = LastChanges.NONE;

    private LastApprovals lastApprovals = LastApprovals.NONE;

    public ContentHistory(ContentProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.root = properties.dir().toAbsolutePath().normalize();
        this.clock = clock;
        this.events = events;
        this.makeHistory = properties.history();
        this.remote = properties.remote().isEmpty()
                ? Optional.empty()
                : Optional.of(new ContentRemote(properties.remote(), clock));
        if (remote.isPresent()) {
            // The site does not start without its clone of the store.
            git = Optional.of(cloneOfStore(remote.get()));
            lookedFor = true;
        }
    }

    /** Writes the file (atomically, parent folders created) and records it as a new version. */
    public Version save(String file, String text, Author author, String message) {
        return save(file, text, author, message, current -> true);
    }

    /**
     * Saves the file only if its text now (brought up to date with the content store first) is what the editor
     * opened: {@code unchanged} says so. Throws {@link PageChangedException} when it is not, or when another instance
     * saved the same page in the store first; nothing is recorded then.
     */
    public Version save(
            String file, String text, Author author, String message, Predicate<Optional<String>> unchanged) {
        ContentPath.check(file);
        return recordingUnlessChanged(
                file, unchanged, git -> write(git, file, text, author, orDefault(message, "Saved " + file)));
    }

    /** A page moved: its text written at the new file and the old file gone, as one version (see {@link #save}). */
    public Version move(
            String from, String to, String text, Author author, String message, Predicate<Optional<String>> unchanged) {
        ContentPath.check(from);
        ContentPath.check(to);
        return recordingUnlessChanged(from, unchanged, git -> {
            if (!Files.isRegularFile(root.resolve(from)) || Files.exists(root.resolve(to))) {
                throw new IllegalArgumentException("cannot move " + from + " to " + to);
            }
            recordOutsideChange(git, from);
            writeAtomically(root.resolve(to), text);
            Files.delete(root.resolve(from));
            return commit(git, List.of(from, to), author, orDefault(message, "Moved " + from + " to " + to));
        });
    }

    /** Records a file as it is on disk now, written by someone else (an uploaded picture), as a new version. */
    public Version record(String file, Author author, String message) {
        ContentPath.check(file);
        return recording(git -> commitIfChanged(git, file, author, orDefault(message, "Added " + file)));
    }

    /** Deletes the file and records that as a version, which {@link #restore} can bring back. */
    public Version delete(String file, Author author, String message) {
        ContentPath.check(file);
        return recording(git -> {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            recordOutsideChange(git, file);
            Files.delete(path);
            return commitIfChanged(git, file, author, orDefault(message, "Deleted " + file));
        });
    }

    /** A new version of the file with its text at {@code versionId}; a deleted file comes back. */
    public Version restore(String file, String versionId, Author author) {
        ContentPath.check(file);
        return recording(git -> {
            RevCommit commit = findCommit(git.getRepository(), versionId)
                    .orElseThrow(() -> new IllegalArgumentException("no such version: " + versionId));
            String text = textIn(git.getRepository(), commit, file)
                    .orElseThrow(() -> new IllegalArgumentException("that version has no " + file));
            PersonIdent was = commit.getAuthorIdent();
            String message = "Restored the version of "
                    + RESTORED_DATE.format(was.getWhenAsInstant().atZone(clock.getZone())) + " by " + was.getName();
            return write(git, file, text, author, message);
        });
    }

    /** Every version that changed the file, its deletion included, and every approval of it, newest first. */
    public List<Version> versions(String file) {
        ContentPath.check(file);
        return reading(List.of(), git -> {
            if (git.getRepository().resolve(Constants.HEAD) == null) {
                return List.of();
            }
            Set<String> changes = new HashSet<>();
            git.log().addPath(file).call().forEach(commit -> changes.add(commit.name()));
            List<Version> versions = new ArrayList<>();
            for (RevCommit commit : git.log().call()) {
                if (changes.contains(commit.name()) || approves(commit, file)) {
                    versions.add(version(commit));
                }
            }
            List<Version> keptAside = keptAside(git.getRepository()).stream()
                    .filter(kept -> kept.file().equals(file))
                    .map(Replication.KeptAside::version)
                    .toList();
            if (!keptAside.isEmpty()) {
                versions.addAll(keptAside);
                versions.sort(Comparator.comparing(Version::when).reversed());
            }
            return versions;
        });
    }

    /** The newest version that changed the file (not an approval); empty when the file has none. */
    public Optional<Version> lastChange(String file) {
        ContentPath.check(file);
        return reading(Optional.empty(), git -> lastChange(git, file).map(ContentHistory::version));
    }

    /**
     * Records that a clinician approved the file as it is in {@code versionId}: a version that changes no file.
     * Empty, and nothing recorded, unless that is still the file's newest version and the file on disk is just
     * that: what the clinician read is what they approve.
     */
    public Optional<Version> approve(String file, String versionId, Author reviewer) {
        ContentPath.check(file);
        Optional<Version> approved;
        synchronized (lock) {
            approved = guarded(() -> {
                Git git = repository();
                boolean unchanged = lastChange(git, file)
                                .filter(commit -> commit.name().equals(versionId))
                                .isPresent()
                        && Files.isRegularFile(root.resolve(file))
                        && git.status().addPath(file).call().isClean();
                if (!unchanged) {
                    return Optional.<Version>empty();
                }
                RevCommit commit = git.commit()
                        .setAuthor(ident(reviewer))
                        .setCommitter(ident(WEBSITE))
                        .setMessage("Medically reviewed by " + reviewer.name() + "\n\n" + REVIEWED_FILE + ": " + file
                                + "\n" + REVIEWED_BY + ": " + reviewer.name() + "\n")
                        .setOnly(file)
                        .setAllowEmpty(true)
                        .setSign(false)
                        .setNoVerify(true)
                        .call();
                log.info("Recorded approval {} of {}", commit.name(), file);
                synced(git, Optional.empty());
                return Optional.of(version(commit));
            });
        }
        approved.ifPresent(version -> events.publishEvent(new ChangeDates.Recorded()));
        return approved;
    }

    @Override
    public Optional<Approval> lastApproval(String file) {
        ContentPath.check(file);
        return readingAtHead(Optional.empty(), (repository, head) -> {
            if (!head.equals(lastApprovals.head())) {
                lastApprovals = LastApprovals.after(repository, lastApprovals, head);
            }
            return Optional.ofNullable(lastApprovals.approvals().get(file));
        });
    }

    @Override
    public Approvals approvalsAsOfNow() {
        Map<String, Approval> approvals = readingAtHead(Map.of(), (repository, head) -> {
            if (!head.equals(lastApprovals.head())) {
                lastApprovals = LastApprovals.after(repository, lastApprovals, head);
            }
            return lastApprovals.approvals();
        });
        return file -> Optional.ofNullable(approvals.get(file));
    }

    private static Optional<RevCommit> lastChange(Git git, String file) throws IOException, GitAPIException {
        if (git.getRepository().resolve(Constants.HEAD) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                git.log().addPath(file).setMaxCount(1).call().iterator().next());
    }

    private static boolean approves(RevCommit commit, String file) {
        return commit.getFooterLines(REVIEWED_FILE).contains(file);
    }

    /** The file's text at that version; empty if the version is unknown or has no such file (it was deleted). */
    public Optional<String> textAt(String file, String versionId) {
        ContentPath.check(file);
        return reading(Optional.empty(), git -> {
            Optional<RevCommit> commit = findCommit(git.getRepository(), versionId);
            return commit.isEmpty() ? Optional.empty() : textIn(git.getRepository(), commit.get(), file);
        });
    }

    /** Pages (.md) and images/ files added, changed or deleted since the last version, '/' separated and sorted. */
    public List<String> changedOutsideEditor() {
        return reading(List.of(), this::outsideChanges);
    }

    /** One version of every change made outside the editor (shared with the other instances); empty if none. */
    public Optional<Version> recordOutsideChanges(Author author) {
        Optional<Version> recorded;
        synchronized (lock) {
            recorded = guarded(() -> {
                Git git = repository();
                List<String> paths = outsideChanges(git);
                if (paths.isEmpty()) {
                    return Optional.<Version>empty();
                }
                Version version = commit(git, paths, author, OUTSIDE_MESSAGE);
                synced(git, Optional.empty());
                return Optional.of(version);
            });
        }
        recorded.ifPresent(version -> events.publishEvent(new ChangeDates.Recorded()));
        return recorded;
    }

    /** The time of the last version that touched the file, its deletion included. */
    @Override
    public Optional<Instant> lastChanged(String file) {
        ContentPath.check(file);
        return readingAtHead(
                Optional.empty(),
                (repository, head) ->
                        Optional.ofNullable(upToDate(repository, head).times().get(file)));
    }

    @Override
    public ChangeDates datesAsOfNow() {
        Map<String, Instant> times = readingAtHead(
                Map.of(), (repository, head) -> upToDate(repository, head).times());
        return file -> Optional.ofNullable(times.get(file));
    }

    /** Pages that have versions but no file now: deleted, and brought back by restoring a version. */
    public List<String> deletedPages() {
        return readingAtHead(List.of(), (repository, head) -> upToDate(repository, head).times().keySet().stream()
                .filter(file -> file.endsWith(".md") && !Files.exists(root.resolve(file)))
                .sorted()
                .toList());
    }

    private LastChanges upToDate(Repository repository, ObjectId head) throws IOException {
        if (!head.equals(lastChanges.head())) {
            lastChanges = LastChanges.after(repository, lastChanges, head);
        }
        return lastChanges;
    }

    @Override
    public void close() {
        synchronized (lock) {
            git.ifPresent(Git::close);
            git = Optional.empty();
            lookedFor = true;
        }
    }

    /**
     * The folder's repository, opened (or made, as the setting says) on first use rather than as the site starts:
     * JGit's classes come from a signed jar, which the JVM's class archives leave out, so opening it is slow, and the
     * first use is the pages' first load, on a thread of its own.
     */
    private Optional<Git> opened() {
        if (!lookedFor) {
            lookedFor = true;
            try {
                if (Files.exists(root.resolve(Constants.DOT_GIT))) {
                    git = Optional.of(Git.open(root.toFile()));
                } else if (makeHistory && Files.isDirectory(root)) {
                    git = Optional.of(create());
                }
            } catch (IOException | GitAPIException | RuntimeException e) {
                // The pages are still served; the first save tries again and reports the failure to staff.
                log.error("Could not open or create the history of {}; the pages show their files' dates", root, e);
            }
        }
        return git;
    }

    private Git create() throws IOException, GitAPIException {
        Files.createDirectories(root);
        Git created =
                Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
        Path info = created.getRepository().getDirectory().toPath().resolve("info");
        Files.createDirectories(info);
        // Hidden files (an editor's temporary copy, .DS_Store) are no content: the pages leave them out too.
        Files.writeString(info.resolve("exclude"), ".*\n");
        created.add().addFilepattern(".").call();
        RevCommit first = created.commit()
                .setAuthor(ident(WEBSITE))
                .setCommitter(ident(WEBSITE))
                .setMessage(FIRST_MESSAGE)
                .setAllowEmpty(true)
                .setSign(false)
                .setNoVerify(true)
                .call();
        log.info("Made {} a Git repository; its files are the first version, {}", root, first.name());
        return created;
    }

    /** The repository, made now if the folder is not one yet (when the setting left that to the first save). */
    private Git repository() throws IOException, GitAPIException {
        if (opened().isEmpty()) {
            git = Optional.of(create());
        }
        return git.get();
    }

    private Version write(Git git, String file, String text, Author author, String message)
            throws IOException, GitAPIException {
        recordOutsideChange(git, file);
        writeAtomically(root.resolve(file), text);
        return commitIfChanged(git, file, author, message);
    }

    /** A file changed on disk since its last version gets a version of its own first, so that text is not lost. */
    private void recordOutsideChange(Git git, String file) throws IOException, GitAPIException {
        if (!git.status().addPath(file).call().isClean()) {
            commit(git, List.of(file), WEBSITE, OUTSIDE_MESSAGE);
        }
    }

    /** The file's latest version when the text is what it already was: an unchanged save records nothing. */
    private Version commitIfChanged(Git git, String file, Author author, String message)
            throws IOException, GitAPIException {
        stage(git, file);
        if (git.status().addPath(file).call().isClean()) {
            return version(
                    git.log().addPath(file).setMaxCount(1).call().iterator().next());
        }
        return commit(git, List.of(file), author, message);
    }

    private Version commit(Git git, Collection<String> files, Author author, String message)
            throws IOException, GitAPIException {
        for (String file : files) {
            stage(git, file);
        }
        CommitCommand commit = git.commit()
                .setAuthor(ident(author))
                .setCommitter(ident(WEBSITE))
                .setMessage(message)
                .setSign(false)
                .setNoVerify(true);
        files.forEach(commit::setOnly);
        Version version = version(commit.call());
        log.info("Recorded version {} of {}", version.id(), files);
        return version;
    }

    private void stage(Git git, String file) throws GitAPIException {
        if (Files.exists(root.resolve(file))) {
            git.add().addFilepattern(file).call();
        } else {
            git.rm().setCached(true).addFilepattern(file).call();
        }
    }

    private List<String> outsideChanges(Git git) throws GitAPIException {
        Status status = git.status().call();
        TreeSet<String> changed = new TreeSet<>();
        changed.addAll(status.getUntracked());
        changed.addAll(status.getModified());
        changed.addAll(status.getMissing());
        // Staged but never committed: a save cut short, or a command run by hand.
        changed.addAll(status.getAdded());
        changed.addAll(status.getChanged());
        changed.addAll(status.getRemoved());
        return changed.stream().filter(ContentHistory::isContent).toList();
    }

    private static boolean isContent(String file) {
        return (file.endsWith(".md") || file.startsWith("images/")) && !file.startsWith(".") && !file.contains("/.");
    }

    /** The new text in a hidden file beside the old one, on disk, then moved over it in one step. */
    private static void writeAtomically(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Optional<RevCommit> findCommit(Repository repository, String versionId) throws IOException {
        if (versionId == null || !COMMIT_ID.matcher(versionId).matches()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return Optional.of(walk.parseCommit(ObjectId.fromString(versionId)));
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> textIn(Repository repository, RevCommit commit, String file) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, file, commit.getTree())) {
            if (walk == null || walk.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                return Optional.empty();
            }
            byte[] bytes = repository.open(walk.getObjectId(0)).getBytes();
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private PersonIdent ident(Author author) {
        return new PersonIdent(author.name(), author.email(), clock.instant(), clock.getZone());
    }

    private static Version version(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        // An approval says what it is in its first line; its trailers are for the history to read, not for people.
        String message = commit.getFooterLines(REVIEWED_FILE).isEmpty()
                ? commit.getFullMessage().strip()
                : commit.getShortMessage();
        return new Version(
                commit.name(), author.getName(), author.getEmailAddress(), author.getWhenAsInstant(), message);
    }

    private static String orDefault(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message.strip();
    }

    /**
     * Runs a change under the lock and shares it with the other instances (a conflict there keeps it aside), then
     * tells the pages that dates moved (outside the lock: they ask back).
     */
    private Version recording(GitWork<Version> work) {
        Version version;
        synchronized (lock) {
            version = guarded(() -> {
                Git git = repository();
                Version recorded = work.run(git);
                synced(git, Optional.empty());
                return recorded;
            });
        }
        events.publishEvent(new ChangeDates.Recorded());
        return version;
    }

    /** A change refused, and nothing recorded, when the file changed since it was opened, here or elsewhere. */
    private Version recordingUnlessChanged(String file, Predicate<Optional<String>> unchanged, GitWork<Version> work) {
        try {
            synchronized (lock) {
                return guarded(() -> {
                    Git git = repository();
                    synced(git, Optional.empty());
                    if (!unchanged.test(fileText(file))) {
                        throw new PageChangedException(file, fileText(file).orElse(""));
                    }
                    Version recorded = work.run(git);
                    if (synced(git, Optional.of(ObjectId.fromString(recorded.id())))) {
                        throw new PageChangedException(file, fileText(file).orElse(""));
                    }
                    return recorded;
                });
            }
        } finally {
            // Even a refused save may have brought other instances' versions.
            events.publishEvent(new ChangeDates.Recorded());
        }
    }

    /**
     * Fetches the other instances' versions, puts this instance's waiting ones on top and pushes them; the pages
     * reload when anything came. Files changed on disk by hand are recorded first, so a pull never loses them.
     * Nothing happens without a content store.
     */
    public void pull() {
        if (remote.isEmpty()) {
            return;
        }
        boolean changed;
        synchronized (lock) {
            changed = guarded(() -> {
                if (git.isEmpty()) {
                    return false;
                }
                Repository repository = git.get().getRepository();
                ObjectId before = repository.resolve(Constants.HEAD);
                synced(git.get(), Optional.empty());
                return !Objects.equals(before, repository.resolve(Constants.HEAD));
            });
        }
        if (changed) {
            events.publishEvent(new ChangeDates.Recorded());
        }
    }

    /** How this instance stands with the content store; empty without one. */
    public Optional<Replication> replication() {
        return remote.map(store -> reading(
                new Replication(store.unreachableSince(), 0, List.of()),
                git -> new Replication(store.unreachableSince(), store.waiting(git), keptAside(git.getRepository()))));
    }

    /** The clone of the store, made or checked at start and brought up to date; the site does not start without. */
    private Git cloneOfStore(ContentRemote store) {
        try {
            Git clone = store.open(root, this::create);
            synced(clone, Optional.empty());
            return clone;
        } catch (IOException | GitAPIException e) {
            throw new HistoryException("The content folder " + root + " could not be made a clone of the store", e);
        }
    }

    /**
     * Records what changed on disk by hand (any tracked file, and new pages and pictures), then syncs with the
     * store; true when the version {@code refuse} lost to another instance's and was dropped.
     */
    private boolean synced(Git git, Optional<ObjectId> refuse) throws IOException, GitAPIException {
        if (remote.isEmpty()) {
            return false;
        }
        TreeSet<String> uncommitted = new TreeSet<>(outsideChanges(git));
        git.status().call().getUncommittedChanges().stream()
                .filter(file -> !file.startsWith(".") && !file.contains("/."))
                .forEach(uncommitted::add);
        if (!uncommitted.isEmpty()) {
            commit(git, uncommitted, WEBSITE, OUTSIDE_MESSAGE);
        }
        return remote.get().sync(git, refuse).refused();
    }

    private List<Replication.KeptAside> keptAside(Repository repository) throws IOException {
        List<Replication.KeptAside> kept = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (ObjectId tip : ContentRemote.keptAside(repository)) {
                RevCommit commit = walk.parseCommit(tip);
                Version original = version(commit);
                Version version = new Version(
                        original.id(),
                        original.authorName(),
                        original.authorEmail(),
                        original.when(),
                        KEPT_ASIDE_MESSAGE + original.message());
                ContentRemote.touched(repository, commit).stream()
                        .filter(file -> file.endsWith(".md"))
                        .sorted()
                        .forEach(file -> kept.add(new Replication.KeptAside(file, version)));
            }
        }
        kept.sort(Comparator.comparing((Replication.KeptAside k) -> k.version().when())
                .reversed());
        return List.copyOf(kept);
    }

    private Optional<String> fileText(String file) throws IOException {
        Path path = root.resolve(file);
        return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
    }

    /** A read under the lock; {@code none} while the folder has no history. */
    private <T> T reading(T none, GitWork<T> work) {
        synchronized (lock) {
            Optional<Git> repository = opened();
            if (repository.isEmpty()) {
                return none;
            }
            return guarded(() -> work.run(repository.get()));
        }
    }

    /** Reads at the newest version; {@code none} while the history has no version yet. */
    private <T> T readingAtHead(T none, HeadWork<T> work) {
        return reading(none, git -> {
            Repository repository = git.getRepository();
            ObjectId head = repository.resolve(Constants.HEAD);
            return head == null ? none : work.run(repository, head);
        });
    }

    private static <T> T guarded(Work<T> work) {
        try {
            return work.run();
        } catch (IOException | GitAPIException e) {
            throw new HistoryException("The content history could not be read or written", e);
        }
    }

    private interface Work<T> {
        T run() throws IOException, GitAPIException;
    }

    private interface HeadWork<T> {
        T run(Repository repository, ObjectId head) throws IOException, GitAPIException;
    }

    private interface GitWork<T> {
        T run(Git git) throws IOException, GitAPIException;
    }

    /**
     * The newest approval of each file, as of one commit, with the text approved; brought up to date by walking only
     * the newer commits, so a reload asks for every page's approval without reading the whole history each time.
     */
    private record LastApprovals(ObjectId head, Map<String, Approval> approvals) {

        static final LastApprovals NONE = new LastApprovals(ObjectId.zeroId(), Map.of());

        static LastApprovals after(Repository repository, LastApprovals known, ObjectId head) throws IOException {
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit newest = walk.parseCommit(head);
                boolean incremental = repository.getObjectDatabase().has(known.head())
                        && walk.isMergedInto(walk.parseCommit(known.head()), newest);
                walk.reset();
                walk.markStart(newest);
                if (incremental) {
                    walk.markUninteresting(walk.parseCommit(known.head()));
                }
                Map<String, Approval> approvals = new HashMap<>();
                for (RevCommit commit : walk) {
                    for (String file : commit.getFooterLines(REVIEWED_FILE)) {
                        if (!approvals.containsKey(file)) {
                            List<String> reviewers = commit.getFooterLines(REVIEWED_BY);
                            PersonIdent author = commit.getAuthorIdent();
                            approvals.put(
                                    file,
                                    new Approval(
                                            commit.name(),
                                            reviewers.isEmpty() ? author.getName() : reviewers.get(0),
                                            author.getWhenAsInstant(),
                                            textIn(repository, commit, file).orElse("")));
                        }
                    }
                }
                if (incremental) {
                    known.approvals().forEach(approvals::putIfAbsent);
                }
                return new LastApprovals(head, Map.copyOf(approvals));
            }
        }
    }

    /** When each path last changed, as of one commit; brought up to date by walking only the newer commits. */
    private record LastChanges(ObjectId head, Map<String, Instant> times) {

        static final LastChanges NONE = new LastChanges(ObjectId.zeroId(), Map.of());

        static LastChanges after(Repository repository, LastChanges known, ObjectId head) throws IOException {
            try (RevWalk walk = new RevWalk(repository);
                    TreeWalk tree = new TreeWalk(repository)) {
                RevCommit newest = walk.parseCommit(head);
                Map<String, Instant> times = new HashMap<>();
                boolean incremental = repository.getObjectDatabase().has(known.head())
                        && walk.isMergedInto(walk.parseCommit(known.head()), newest);
                walk.reset();
                walk.markStart(newest);
                if (incremental) {
                    walk.markUninteresting(walk.parseCommit(known.head()));
                }
                tree.setRecursive(true);
                tree.setFilter(TreeFilter.ANY_DIFF);
                for (RevCommit commit : walk) {
                    Instant when = commit.getAuthorIdent().getWhenAsInstant();
                    tree.reset();
                    if (commit.getParentCount() == 0) {
                        tree.addTree(new EmptyTreeIterator());
                    } else {
                        tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                    }
                    tree.addTree(commit.getTree());
                    while (tree.next()) {
                        times.putIfAbsent(tree.getPathString(), when);
                    }
                }
                if (incremental) {
                    known.times().forEach(times::putIfAbsent);
                }
                return new LastChanges(head, Map.copyOf(times));
            }
        }
    }
}
