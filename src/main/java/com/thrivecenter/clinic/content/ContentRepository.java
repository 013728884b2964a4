package com.thrivecenter.clinic.content;

import com.thrivecenter.clinic.content.ContentSnapshot.LoadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * The pages of the site, parsed once and held in memory. {@link #reload()} reads the content folder again,
 * re-parsing only files whose text changed; a file that no longer parses keeps its last good page, so a
 * broken edit never takes a page (or the site) down.
 */
@Repository
public class ContentRepository {

    private static final Logger log = LoggerFactory.getLogger(ContentRepository.class);

    private final Path root;
    private final PageParser parser;
    private Map<String, LoadedFile> files = Map.of();
    private volatile ContentSnapshot snapshot = ContentSnapshot.EMPTY;
    private volatile long version;

    public ContentRepository(ContentProperties properties, PageParser parser) {
        this.root = properties.dir().toAbsolutePath().normalize();
        this.parser = parser;
        reload();
    }

    /** A repository for a folder outside Spring, as the command-line check uses it. */
    public static ContentRepository forFolder(Path folder) {
        PageParser parser = new PageParser(new FrontMatterParser(), new MarkdownRenderer(new HtmlSanitizer()));
        // Nothing is served from here, so no page has a cache lifetime.
        return new ContentRepository(new ContentProperties(folder, Duration.ZERO), parser);
    }

    /** Changes whenever the content is reloaded, so whatever was built from it knows to build again. */
    public long version() {
        return version;
    }

    public Path root() {
        return root;
    }

    /**
     * The published page that content serves at this address; drafts, unknown addresses and the application's
     * own (reserved) addresses are empty, a form's introduction included.
     */
    public Optional<Page> find(Slug slug) {
        return snapshot.served(slug);
    }

    /** The published introduction of a form the application renders itself, such as the contact form. */
    public Optional<Page> formIntro(Form form) {
        return snapshot.formIntro(form);
    }

    /** Every published page, ordered by URL: the pages content serves and the forms' introductions. */
    public List<Page> publishedPages() {
        return snapshot.publishedPages();
    }

    /** The way from the home page to a nested page, through the published pages above it; empty for top-level pages. */
    public List<Breadcrumb> breadcrumbs(Page page) {
        if (!page.slug().isNested()) {
            return List.of();
        }
        return page.slug().ancestors().stream()
                .flatMap(slug -> find(slug).stream())
                .map(ancestor -> new Breadcrumb(ancestor.slug().isHome() ? "Home" : ancestor.shortTitle(), ancestor.url()))
                .toList();
    }

    public List<MenuItem> menu() {
        return snapshot.menu();
    }

    /** What is wrong in the content folder right now, by file and line. */
    public List<ContentProblem> problems() {
        return snapshot.problems();
    }

    public synchronized void reload() {
        if (!Files.isDirectory(root)) {
            log.warn("Content folder {} does not exist; no pages to serve", root);
            files = Map.of();
            snapshot = ContentSnapshot.EMPTY;
            return;
        }
        List<Path> paths;
        try {
            paths = markdownFiles();
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not list the content folder {} ({}); keeping the pages already loaded", root, e.getMessage());
            return;
        }
        Map<String, LoadedFile> next = new TreeMap<>();
        for (Path path : paths) {
            String file = root.relativize(path).toString().replace('\\', '/');
            LoadedFile previous = files.get(file);
            load(path, file, previous).or(() -> Optional.ofNullable(previous))
                    .ifPresent(loaded -> next.put(file, loaded));
        }
        files.keySet().stream().filter(file -> !next.containsKey(file))
                .forEach(file -> log.info("Content file {} was removed", file));
        files = next;
        snapshot = ContentSnapshot.of(next, this::imageExists);
        version++;
    }

    /** Empty when the file can't be read just now (mid-save, say); the next change event reads it again. */
    private Optional<LoadedFile> load(Path path, String file, LoadedFile previous) {
        String text;
        LocalDate updated;
        try {
            text = Files.readString(path);
            updated = LocalDate.ofInstant(Files.getLastModifiedTime(path).toInstant(), ZoneId.systemDefault());
        } catch (CharacterCodingException e) {
            return Optional.of(broken(file, "", previous, "the file is not saved as UTF-8 text"));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (previous != null && previous.text().equals(text)) {
            return Optional.of(previous);
        }
        Optional<Slug> slug = Slug.fromFile(Path.of(file));
        if (slug.isEmpty()) {
            return Optional.of(broken(file, text, previous,
                    "file and folder names may use only lower-case letters, digits and hyphens, e.g. first-visit.md"));
        }
        PageParser.Result result = parser.parse(slug.get(), file, text, updated);
        if (result.problems().isEmpty()) {
            log.info("Loaded {} as {}", file, slug.get());
            return Optional.of(new LoadedFile(text, result.page(), List.of()));
        }
        Optional<Page> lastGood = previous == null ? Optional.empty() : previous.page();
        result.problems().forEach(problem -> log.warn("Content problem at {}; {}", problem,
                lastGood.isPresent() ? "still serving the last good version" : "the page is not served"));
        return Optional.of(new LoadedFile(text, lastGood, result.problems()));
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

    /** Every page, drafts included, ordered by URL: for the staff area's content health and preview. */
    public List<Page> allPages() {
        return snapshot.pages().values().stream().sorted(Comparator.comparing(Page::url)).toList();
    }

    /** A page at this address whether published or draft: for staff preview. */
    public Optional<Page> findIncludingDrafts(Slug slug) {
        return Optional.ofNullable(snapshot.pages().get(slug));
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
