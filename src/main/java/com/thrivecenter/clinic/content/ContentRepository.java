package com.thrivecenter.clinic.content;

import com.thrivecenter.clinic.content.ContentSnapshot.LoadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The pages of the site, parsed once and held in memory as one immutable {@link ContentSnapshot}.
 * {@link #reload()} reads the content folder again, re-parsing only files whose text changed; a file that no longer
 * parses keeps its last good page, so a broken edit never takes a page (or the site) down. What a file parsed to is
 * kept ({@link ParsedPages}), so a start parses only the files changed since the last one. The first load runs on a
 * thread of its own while the rest of the site starts; whoever asks for the pages before it is done waits for it,
 * and so does the start itself, before the site listens.
 *
 * <p>A component, not a {@code @Repository}: that would wrap it in a proxy for the database's exception translation,
 * which its files never need, on the way to every page.
 */
@Component
public class ContentRepository implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ContentRepository.class);

    private static final String BAD_FILE_NAME =
            "file and folder names may use only lower-case letters, digits and hyphens, e.g. first-visit.md";

    private final Path root;
    private final PageParser parser;
    private final ParsedPages parsed;
    private final ChangeDates dates;
    private final Approvals approvals;
    private final Clock clock;
    private final ZoneId zone;
    private Map<String, LoadedFile> files = Map.of();
    private volatile ContentSnapshot snapshot = ContentSnapshot.EMPTY;
    private final CompletableFuture<Void> firstLoad;

    public ContentRepository(
            ContentProperties properties,
            PageParser parser,
            ParsedPages parsed,
            ChangeDates dates,
            Approvals approvals,
            Clock clock) {
        this.root = properties.dir().toAbsolutePath().normalize();
        this.parser = parser;
        this.parsed = parsed;
        this.dates = dates;
        this.approvals = approvals;
        this.clock = clock;
        this.zone = properties.timeZone();
        this.firstLoad = CompletableFuture.runAsync(
                () -> {
                    // Under the reloads' lock, so no reload keeps an entry while the unused ones are removed.
                    synchronized (this) {
                        reload();
                        parsed.removeUnused();
                    }
                },
                load -> new Thread(load, "content-first-load").start());
        firstLoad.thenRunAsync(
                () -> {
                    if (parsed.found() > 0) {
                        parser.warmUp();
                    }
                },
                warmUp -> {
                    Thread thread = new Thread(warmUp, "content-parser-warm-up");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /** The site starts listening only once its pages are loaded; a first load that fails stops the start. */
    @Override
    public void afterSingletonsInstantiated() {
        firstLoad.join();
    }

    /**
     * A repository for a folder outside Spring, as the command-line check uses it: it only reads, so it neither
     * makes the folder a Git repository nor reads its history (pages carry their files' modification dates, and no
     * review).
     */
    public static ContentRepository forFolder(Path folder) {
        PageParser parser = new PageParser(
                new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()), PageVariables.names());
        // Nothing is served from here, so no page has a cache lifetime.
        ContentRepository repository = new ContentRepository(
                new ContentProperties(folder, Duration.ZERO, false, null, "", Duration.ZERO, null),
                parser,
                ParsedPages.NONE,
                ChangeDates.NONE,
                Approvals.NONE,
                Clock.systemUTC());
        // Nothing else starts beside it: the folder is read by the time it is returned.
        repository.afterSingletonsInstantiated();
        return repository;
    }

    /**
     * The content as it stands now, whole. A caller that needs several things to agree (a page, its breadcrumbs
     * and the menu) takes them all from one snapshot; a reload never changes a snapshot already handed out.
     */
    public ContentSnapshot current() {
        firstLoad.join();
        return snapshot;
    }

    /**
     * What a text would make of the file if it were saved now: its page, or the problems that stop it being one,
     * and the problems of its links against the current content. Nothing is saved or changed.
     */
    public PageParser.Result check(String file, String text) {
        Optional<Slug> slug = Slug.fromFile(Path.of(file));
        if (slug.isEmpty()) {
            return new PageParser.Result(Optional.empty(), List.of(new ContentProblem(file, 1, BAD_FILE_NAME)));
        }
        PageParser.Result result = parser.parse(slug.get(), file, text, LocalDate.now(ZoneId.systemDefault()));
        if (result.page().isEmpty()) {
            return result;
        }
        List<ContentProblem> problems = new ArrayList<>(result.problems());
        problems.addAll(current().linkProblems(result.page().get(), this::imageExists));
        return new PageParser.Result(result.page(), List.copyOf(problems));
    }

    public Path root() {
        return root;
    }

    @EventListener(ChangeDates.Recorded.class)
    public synchronized void reload() {
        if (!Files.isDirectory(root)) {
            log.warn("Content folder {} does not exist; no pages to serve", root);
            files = Map.of();
            snapshot = ContentSnapshot.of(snapshot.version() + 1, now(), Map.of(), path -> false);
            return;
        }
        long started = System.nanoTime();
        long foundBefore = parsed.found();
        List<Path> paths;
        try {
            paths = markdownFiles();
        } catch (IOException | UncheckedIOException e) {
            log.warn(
                    "Could not list the content folder {} ({}); keeping the pages already loaded",
                    root,
                    e.getMessage());
            return;
        }
        ChangeDates datesNow = dates.datesAsOfNow();
        Approvals approvalsNow = approvals.approvalsAsOfNow();
        Map<String, LoadedFile> loadedBefore = files;
        // Each file parses on its own, and parsing is most of a first load of thousands of pages: all cores share it.
        Map<String, LoadedFile> next = new TreeMap<>(paths.parallelStream()
                .flatMap(path -> {
                    String file = root.relativize(path).toString().replace('\\', '/');
                    LoadedFile previous = loadedBefore.get(file);
                    return load(path, file, previous, datesNow, approvalsNow)
                            .or(() -> Optional.ofNullable(previous))
                            .map(loaded -> Map.entry(file, loaded))
                            .stream();
                })
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        files.keySet().stream()
                .filter(file -> !next.containsKey(file))
                .forEach(file -> log.info("Content file {} was removed", file));
        files = next;
        snapshot = ContentSnapshot.of(snapshot.version() + 1, now(), next, this::imageExists);
        log.info(
                "Loaded {} pages from {} files in {} ms ({} read back as parsed before)",
                snapshot.allPages().size(),
                next.size(),
                (System.nanoTime() - started) / 1_000_000,
                parsed.found() - foundBefore);
    }

    /**
     * Takes a new snapshot of the same files once a page's publish or expires time has come, so the page appears
     * or disappears (menu and sitemap included) on time, without a restart.
     */
    public synchronized void followSchedule() {
        LocalDateTime now = now();
        if (snapshot.nextScheduledChange()
                .filter(change -> !now.isBefore(change))
                .isPresent()) {
            log.info("A scheduled page appears or expires now; showing the pages as of {}", now);
            snapshot = ContentSnapshot.of(snapshot.version() + 1, now, files, this::imageExists);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), zone);
    }

    /** Empty when the file can't be read just now (mid-save, say); the next change event reads it again. */
    private Optional<LoadedFile> load(
            Path path, String file, LoadedFile previous, ChangeDates datesNow, Approvals approvalsNow) {
        String text;
        LocalDate updated;
        try {
            text = Files.readString(path);
            Instant changed = datesNow.lastChanged(file)
                    .orElse(Files.getLastModifiedTime(path).toInstant());
            updated = LocalDate.ofInstant(changed, ZoneId.systemDefault());
        } catch (CharacterCodingException e) {
            return Optional.of(broken(file, "", previous, "the file is not saved as UTF-8 text"));
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<MedicalReview> review = review(approvalsNow, file, text);
        if (previous != null && previous.text().equals(text)) {
            return Optional.of(redated(previous, updated, review));
        }
        Optional<Slug> slug = Slug.fromFile(Path.of(file));
        if (slug.isEmpty()) {
            return Optional.of(broken(file, text, previous, BAD_FILE_NAME));
        }
        PageParser.Result result = parsed.readBackOr(file, text, () -> parser.parse(slug.get(), file, text, updated));
        if (result.page().isPresent()) {
            log.debug("Loaded {} as {}", file, slug.get());
            result.problems().forEach(problem -> log.info("Content problem at {}", problem));
            return Optional.of(
                    new LoadedFile(text, result.page().map(page -> page.with(updated, review)), result.problems()));
        }
        Optional<Page> lastGood = previous == null ? Optional.empty() : previous.page();
        result.problems()
                .forEach(problem -> log.warn(
                        "Content problem at {}; {}",
                        problem,
                        lastGood.isPresent() ? "still serving the last good version" : "the page is not served"));
        return Optional.of(new LoadedFile(text, lastGood, result.problems()));
    }

    /**
     * The same text with its page's date and review as the history has them now, as when a version records an edit
     * already loaded from disk, or a clinician approves the page.
     */
    private static LoadedFile redated(LoadedFile loaded, LocalDate updated, Optional<MedicalReview> review) {
        boolean same = loaded.page()
                .filter(page -> page.updated().equals(updated) && page.review().equals(review))
                .isPresent();
        // With an error the page is the last good one, from another text, which this date and review are not about.
        if (same || loaded.problems().stream().anyMatch(ContentProblem::isError)) {
            return loaded;
        }
        return new LoadedFile(loaded.text(), loaded.page().map(page -> page.with(updated, review)), loaded.problems());
    }

    /** The last approval of the file, when it covers this text's body: a later change to the body ends the claim. */
    private Optional<MedicalReview> review(Approvals approvalsNow, String file, String text) {
        return approvalsNow
                .lastApproval(file)
                .filter(approval -> approval.covers(text))
                .map(approval -> new MedicalReview(approval.reviewer(), LocalDate.ofInstant(approval.when(), zone)));
    }

    private LoadedFile broken(String file, String text, LoadedFile previous, String message) {
        ContentProblem problem = new ContentProblem(file, 1, message);
        log.warn("Content problem at {}", problem);
        return new LoadedFile(text, previous == null ? Optional.empty() : previous.page(), List.of(problem));
    }

    /** Whether a site path like "/images/a.jpg" names a file in the content folder's images folder. */
    private boolean imageExists(String sitePath) {
        Path images = root.resolve("images");
        Path file = root.resolve(sitePath.substring(1)).normalize();
        return file.startsWith(images) && Files.isRegularFile(file);
    }

    /** Markdown files below the root, leaving out hidden files and folders and the staff guide (README.md). */
    private List<Path> markdownFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".md"))
                    .filter(path -> !path.getFileName().toString().equalsIgnoreCase("README.md"))
                    .filter(path -> !isHidden(root.relativize(path)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
