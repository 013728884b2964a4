package com.thrivecenter.clinic.content.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content store that several instances share: a Git remote ("origin") of which the content folder is a clone,
 * branch {@code main}. Each instance fetches the others' versions, puts its own on top of them (never a merge: the
 * history stays one line) and pushes. A version that changed a page another instance changed first is kept aside on
 * a branch {@code conflicts/<id>}, pushed too, so nothing is lost; the page keeps the other instance's text. Only
 * {@link ContentHistory} uses it, under its lock; the working tree must hold no unrecorded change when it syncs.
 */
final class ContentRemote {

    private static final Logger log = LoggerFactory.getLogger(ContentRemote.class);

    static final String REMOTE = "origin";
    static final String MAIN = Constants.R_HEADS + "main";
    static final String KEPT_ASIDE = Constants.R_HEADS + "conflicts/";
    private static final String REMOTE_MAIN = Constants.R_REMOTES + REMOTE + "/main";
    private static final String REMOTE_KEPT_ASIDE = Constants.R_REMOTES + REMOTE + "/conflicts/";
    /** A store that does not answer in this time counts as unreachable; the save waits locally instead. */
    private static final int TIMEOUT_SECONDS = 10;
    /** Another instance may push between our fetch and our push; after this many turns the next pull goes on. */
    private static final int ATTEMPTS = 5;

    private final String uri;
    private final Clock clock;
    private volatile Optional<Instant> unreachableSince = Optional.empty();

    ContentRemote(String uri, Clock clock) {
        this.uri = uri;
        this.clock = clock;
    }

    /** What a sync did to this clone. */
    record Synced(boolean refused) {}

    /**
     * The clone of the store in the folder, made or checked now: an empty (or missing) folder becomes a clone; an
     * empty store receives this folder's history ({@code create} makes one from its files if need be); a folder
     * whose history is not the store's is refused, never overwritten.
     */
    Git open(Path root, HistoryFactory create) throws IOException, GitAPIException {
        Optional<Boolean> storeHasMain = storeHasMain();
        boolean hasHistory = Files.exists(root.resolve(Constants.DOT_GIT));
        if (!hasHistory && isEmpty(root)) {
            if (storeHasMain.isEmpty()) {
                throw new IllegalStateException("The content store (clinic.content.remote) cannot be reached and the"
                        + " content folder " + root + " is empty: there are no pages to serve. Start again once the"
                        + " store answers.");
            }
            if (storeHasMain.get()) {
                Git clone = Git.cloneRepository()
                        .setURI(uri)
                        .setDirectory(root.toFile())
                        .setBranch(MAIN)
                        .setTimeout(TIMEOUT_SECONDS)
                        .call();
                configure(clone);
                log.info("Cloned the content store into {}", root);
                return clone;
            }
        } else if (!hasHistory && storeHasMain.orElse(true)) {
            throw new IllegalStateException("The content folder " + root + " holds files but is not a clone of the"
                    + " content store (clinic.content.remote), which "
                    + (storeHasMain.isPresent() ? "has pages of its own" : "cannot be reached to compare")
                    + ". Move the files away (save them into the store through the editor of a running instance)"
                    + " and start again: the site clones the store into an empty folder.");
        }
        Git git = hasHistory ? Git.open(root.toFile()) : create.create();
        configure(git);
        if (storeHasMain.orElse(false) && fetch(git).isPresent() && !sharesHistory(git)) {
            git.close();
            throw new IllegalStateException("The history of the content folder " + root + " is not the content"
                    + " store's (clinic.content.remote): they have no version in common. Move the folder away so that"
                    + " the site clones the store into an empty one, or point the setting at this folder's store.");
        }
        return git;
    }

    /**
     * Fetches, puts this clone's versions not yet in the store on top of the store's, and pushes them. When the
     * version {@code refuse} changed a page the store changed first, it is dropped rather than kept aside: its text
     * is still in the editor's form, and the editor shows the conflict.
     */
    Synced sync(Git git, Optional<ObjectId> refuse) throws IOException, GitAPIException {
        boolean refused = false;
        List<TrackingRefUpdate> gone = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<List<TrackingRefUpdate>> fetched = fetch(git);
            if (fetched.isEmpty()) {
                putBack(git.getRepository(), gone);
                return new Synced(refused);
            }
            gone.addAll(fetched.get());
            refused |= integrate(git, refuse);
            if (waiting(git) == 0 && keptAsideToPush(git).isEmpty()) {
                reachable();
                return new Synced(refused);
            }
            Optional<Boolean> pushed = push(git);
            if (pushed.isEmpty()) {
                putBack(git.getRepository(), gone);
                return new Synced(refused);
            }
            if (pushed.get()) {
                reachable();
                return new Synced(refused);
            }
        }
        log.info("Other instances kept pushing to the content store; the next pull pushes this instance's versions");
        return new Synced(refused);
    }

    /** Since when the store has not answered; empty while it does. */
    Optional<Instant> unreachableSince() {
        return unreachableSince;
    }

    /** Versions of this clone that the store does not have yet. */
    int waiting(Git git) throws IOException {
        Repository repository = git.getRepository();
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            return 0;
        }
        ObjectId store = repository.resolve(REMOTE_MAIN);
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            if (store != null) {
                walk.markUninteresting(walk.parseCommit(store));
            }
            int count = 0;
            for (RevCommit ignored : walk) {
                count++;
            }
            return count;
        }
    }

    /** The newest commit of each branch of kept-aside versions, this clone's and the other instances'. */
    static List<ObjectId> keptAside(Repository repository) throws IOException {
        Set<ObjectId> tips = new HashSet<>();
        Stream.concat(
                        repository.getRefDatabase().getRefsByPrefix(KEPT_ASIDE).stream(),
                        repository.getRefDatabase().getRefsByPrefix(REMOTE_KEPT_ASIDE).stream())
                .map(Ref::getObjectId)
                .forEach(tips::add);
        return List.copyOf(tips);
    }

    /** The files a commit changed (against its first parent), and the files it approves. */
    static Set<String> touched(Repository repository, RevCommit commit) throws IOException {
        Set<String> paths = new HashSet<>(commit.getFooterLines(ContentHistory.REVIEWED_FILE));
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tree = new TreeWalk(repository)) {
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            if (commit.getParentCount() == 0) {
                tree.addTree(new EmptyTreeIterator());
            } else {
                tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            }
            tree.addTree(walk.parseCommit(commit).getTree());
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        return paths;
    }

    /** The store as "origin", set anew at each start: its address (and credentials in it) may have changed. */
    private void configure(Git git) throws IOException {
        StoredConfig config = git.getRepository().getConfig();
        config.setString("remote", REMOTE, "url", uri);
        config.setString("remote", REMOTE, "fetch", "+refs/heads/*:" + Constants.R_REMOTES + REMOTE + "/*");
        config.setString("branch", "main", "remote", REMOTE);
        config.setString("branch", "main", "merge", MAIN);
        // Housekeeping in the foreground, under the history's lock, never behind a save's back.
        config.setBoolean("gc", null, "autoDetach", false);
        config.save();
    }

    /** Whether the store has a main branch yet; empty when it cannot be reached. */
    private Optional<Boolean> storeHasMain() {
        try {
            Collection<Ref> heads = Git.lsRemoteRepository()
                    .setRemote(uri)
                    .setHeads(true)
                    .setTimeout(TIMEOUT_SECONDS)
                    .call();
            return Optional.of(heads.stream().anyMatch(ref -> ref.getName().equals(MAIN)));
        } catch (GitAPIException | JGitInternalException e) {
            unreachable(e);
            return Optional.empty();
        }
    }

    /** The store's branches this fetch found gone (and removed here); empty when the store cannot be reached. */
    private Optional<List<TrackingRefUpdate>> fetch(Git git) {
        try {
            FetchResult result = git.fetch()
                    .setRemote(REMOTE)
                    .setRemoveDeletedRefs(true)
                    .setTimeout(TIMEOUT_SECONDS)
                    .call();
            return Optional.of(result.getTrackingRefUpdates().stream()
                    .filter(update -> update.getNewObjectId().equals(ObjectId.zeroId()))
                    .toList());
        } catch (GitAPIException | JGitInternalException e) {
            unreachable(e);
            return Optional.empty();
        }
    }

    /**
     * Puts back the store's branches a fetch found gone, when the store could not be reached right after: a store
     * read while it was being moved looks empty, and taking that for real would count every version as waiting. A
     * store that really was emptied still answers, and receives this clone's versions.
     */
    private static void putBack(Repository repository, List<TrackingRefUpdate> gone) throws IOException {
        for (TrackingRefUpdate update : gone) {
            if (repository.exactRef(update.getLocalName()) == null) {
                RefUpdate ref = repository.updateRef(update.getLocalName());
                ref.setNewObjectId(update.getOldObjectId());
                ref.setExpectedOldObjectId(ObjectId.zeroId());
                ref.update();
            }
        }
    }

    /** True when pushed, false when the store had moved on (fetch and try again), empty when it cannot be reached. */
    private Optional<Boolean> push(Git git) {
        try {
            Iterable<PushResult> results = git.push()
                    .setRemote(REMOTE)
                    .setRefSpecs(new RefSpec(MAIN + ":" + MAIN), new RefSpec(KEPT_ASIDE + "*:" + KEPT_ASIDE + "*"))
                    .setTimeout(TIMEOUT_SECONDS)
                    .call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        log.info(
                                "The content store refused {} ({}): another instance pushed first",
                                update.getRemoteName(),
                                update.getStatus());
                        return Optional.of(false);
                    }
                }
            }
            return Optional.of(true);
        } catch (GitAPIException | JGitInternalException e) {
            unreachable(e);
            return Optional.empty();
        }
    }

    /**
     * This clone's versions, the ones the store lacks, put one by one on top of the store's newest; a version that
     * changed a page the store changed meanwhile is kept aside (or dropped, when it is {@code refuse}).
     */
    private boolean integrate(Git git, Optional<ObjectId> refuse) throws IOException, GitAPIException {
        Repository repository = git.getRepository();
        ObjectId store = repository.resolve(REMOTE_MAIN);
        ObjectId head = repository.resolve(Constants.HEAD);
        if (store == null || store.equals(head)) {
            return false;
        }
        List<RevCommit> mine = new ArrayList<>();
        Set<String> theirs = new HashSet<>();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit storeCommit = walk.parseCommit(store);
            RevCommit headCommit = head == null ? null : walk.parseCommit(head);
            if (headCommit != null && walk.isMergedInto(storeCommit, headCommit)) {
                return false;
            }
            if (headCommit != null && !walk.isMergedInto(headCommit, storeCommit)) {
                walk.reset();
                walk.setRevFilter(RevFilter.MERGE_BASE);
                walk.markStart(headCommit);
                walk.markStart(storeCommit);
                RevCommit base = walk.next();
                walk.reset();
                walk.setRevFilter(RevFilter.ALL);
                walk.sort(RevSort.TOPO);
                walk.sort(RevSort.REVERSE, true);
                walk.markStart(headCommit);
                walk.markUninteresting(storeCommit);
                walk.forEach(mine::add);
                walk.reset();
                walk.sort(RevSort.NONE);
                walk.markStart(storeCommit);
                if (base != null) {
                    walk.markUninteresting(base);
                }
                for (RevCommit commit : walk) {
                    theirs.addAll(touched(repository, commit));
                }
            }
        }
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(store.name()).call();
        boolean refused = false;
        for (RevCommit commit : mine) {
            Set<String> paths = touched(repository, commit);
            if (paths.stream().noneMatch(theirs::contains) && reapply(git, commit)) {
                continue;
            }
            theirs.addAll(paths);
            if (refuse.filter(commit::equals).isPresent()) {
                refused = true;
                log.info(
                        "Version {} changed a page another instance changed first; the editor shows the conflict",
                        commit.name());
            } else {
                keepAside(repository, commit);
            }
        }
        return refused;
    }

    /** The commit's changes on top of the new head, with its author and message; false if they do not apply. */
    private boolean reapply(Git git, RevCommit commit) throws IOException, GitAPIException {
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(repository.resolve(Constants.HEAD));
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repository);
            merger.setWorkingTreeIterator(new FileTreeIterator(repository));
            merger.setBase(
                    commit.getParentCount() == 0
                            ? null
                            : walk.parseCommit(commit.getParent(0)).getTree());
            if (!merger.merge(head, walk.parseCommit(commit))) {
                git.reset()
                        .setMode(ResetCommand.ResetType.HARD)
                        .setRef(head.name())
                        .call();
                return false;
            }
        }
        PersonIdent author = commit.getAuthorIdent();
        git.commit()
                .setAuthor(author)
                .setCommitter(new PersonIdent(
                        ContentHistory.WEBSITE.name(),
                        ContentHistory.WEBSITE.email(),
                        clock.instant(),
                        clock.getZone()))
                .setMessage(commit.getFullMessage())
                .setAllowEmpty(true)
                .setSign(false)
                .setNoVerify(true)
                .call();
        return true;
    }

    private static void keepAside(Repository repository, RevCommit commit) throws IOException {
        String name = KEPT_ASIDE + commit.name().substring(0, 12);
        RefUpdate update = repository.updateRef(name);
        update.setNewObjectId(commit);
        update.setRefLogMessage("kept aside: another instance changed the page first", false);
        update.forceUpdate();
        log.warn("Version {} changed a page another instance changed first; kept aside as {}", commit.name(), name);
    }

    /** Kept-aside branches of this clone that the store does not have yet. */
    private static List<Ref> keptAsideToPush(Git git) throws IOException {
        Repository repository = git.getRepository();
        List<Ref> waiting = new ArrayList<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(KEPT_ASIDE)) {
            String remote = REMOTE_KEPT_ASIDE + ref.getName().substring(KEPT_ASIDE.length());
            ObjectId there = repository.resolve(remote);
            if (!ref.getObjectId().equals(there)) {
                waiting.add(ref);
            }
        }
        return waiting;
    }

    private boolean sharesHistory(Git git) throws IOException {
        Repository repository = git.getRepository();
        ObjectId head = repository.resolve(Constants.HEAD);
        ObjectId store = repository.resolve(REMOTE_MAIN);
        if (head == null || store == null) {
            return true;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(head));
            walk.markStart(walk.parseCommit(store));
            return walk.next() != null;
        }
    }

    private void reachable() {
        if (unreachableSince.isPresent()) {
            log.info("The content store answers again");
        }
        unreachableSince = Optional.empty();
    }

    private void unreachable(Exception e) {
        if (unreachableSince.isEmpty()) {
            // The message may name the store's address, which may hold credentials: the kind of failure is enough.
            log.warn(
                    "The content store cannot be reached ({}); versions wait here until it answers",
                    e.getClass().getSimpleName());
            unreachableSince = Optional.of(clock.instant());
        }
    }

    private static boolean isEmpty(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Makes the folder's history from its files, as a site without a store does. */
    interface HistoryFactory {
        Git create() throws IOException, GitAPIException;
    }
}
