package com.thrivecenter.clinic.content;

import java.text.Collator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Everything loaded from the content folder at one moment: the pages, the menu and the problems. Replaced whole
 * on every change and never mutated, so whatever a request reads from one snapshot (a page, its breadcrumbs, the
 * menu) belongs together. Newer snapshots have higher versions. A snapshot is taken at a time of the clinic's
 * clock, which decides the scheduled pages it shows; the next scheduled change takes a new snapshot.
 */
public final class ContentSnapshot {

    static final ContentSnapshot EMPTY =
            new ContentSnapshot(0, LocalDateTime.MIN, Map.of(), Map.of(), List.of(), List.of());

    private final long version;
    private final LocalDateTime at;
    private final Map<Slug, Page> pages;
    private final Map<Slug, Page> moved;
    private final List<MenuItem> menu;
    private final List<ContentProblem> problems;

    private ContentSnapshot(
            long version,
            LocalDateTime at,
            Map<Slug, Page> pages,
            Map<Slug, Page> moved,
            List<MenuItem> menu,
            List<ContentProblem> problems) {
        this.version = version;
        this.at = at;
        this.pages = pages;
        this.moved = moved;
        this.menu = menu;
        this.problems = problems;
    }

    /**
     * Builds the snapshot from the loaded files, given in file-name order. {@code imageExists} says whether a
     * site path such as "/images/a.jpg" names an image in the content folder.
     */
    static ContentSnapshot of(
            long version, LocalDateTime at, Map<String, LoadedFile> files, Predicate<String> imageExists) {
        Map<Slug, Page> pages = new LinkedHashMap<>();
        List<ContentProblem> problems = new ArrayList<>();
        files.forEach((file, loaded) -> {
            problems.addAll(loaded.problems());
            loaded.page().ifPresent(page -> {
                Page other = pages.putIfAbsent(page.slug(), page);
                if (other != null) {
                    problems.add(new ContentProblem(
                            file,
                            1,
                            "this file and " + other.file() + " both make the page " + page.url()
                                    + "; rename or remove one"));
                }
            });
        });
        Map<Slug, Page> moved = movedPages(pages, problems);
        pages.values().forEach(page -> problems.addAll(brokenLinks(page, pages, moved, imageExists)));
        List<MenuItem> menu = pages.values().stream()
                .filter(page -> isLive(page, at) && page.meta().nav().isPresent())
                .sorted(Comparator.comparing(
                                (Page page) -> page.meta().nav().orElseThrow().order())
                        .thenComparing(Page::shortTitle))
                .map(page -> new MenuItem(page.shortTitle(), page.url()))
                .toList();
        return new ContentSnapshot(version, at, Map.copyOf(pages), Map.copyOf(moved), menu, List.copyOf(problems));
    }

    /** Each page's old addresses; one that is another page's address, or claimed twice, is a problem. */
    private static Map<Slug, Page> movedPages(Map<Slug, Page> pages, List<ContentProblem> problems) {
        Map<Slug, Page> moved = new LinkedHashMap<>();
        for (Page page : pages.values()) {
            for (Slug alias : page.meta().aliases()) {
                Page there = pages.get(alias);
                Page claimed = there == null ? moved.putIfAbsent(alias, page) : null;
                if (there != null) {
                    problems.add(new ContentProblem(
                            page.file(),
                            1,
                            "the old address " + alias.url() + " is the address of " + there.file()
                                    + "; remove it from 'aliases'"));
                } else if (claimed != null) {
                    problems.add(new ContentProblem(
                            page.file(),
                            1,
                            "the old address " + alias.url() + " is also an old address of " + claimed.file()
                                    + "; keep it on one page only"));
                }
            }
        }
        return moved;
    }

    /** What would be wrong with the links of this page (saved or not) in this content. */
    List<ContentProblem> linkProblems(Page page, Predicate<String> imageExists) {
        return brokenLinks(page, pages, moved, imageExists);
    }

    /** Links to pages that are not published, to the old address of a moved page, and images that are not there. */
    private static List<ContentProblem> brokenLinks(
            Page page, Map<Slug, Page> pages, Map<Slug, Page> moved, Predicate<String> imageExists) {
        List<ContentProblem> problems = new ArrayList<>();
        for (PageLink link : page.links()) {
            if (!link.isInternal()) {
                continue;
            }
            if (link.image() || link.path().startsWith("/images/")) {
                if (!imageExists.test(link.path())) {
                    problems.add(ContentProblem.warning(
                            page.file(),
                            link.line(),
                            "the image " + link.path() + " is not in the content folder's images folder"));
                }
            } else {
                Optional<Slug> target = Slug.fromRequestPath(link.path());
                Optional<Page> movedTo = target.map(moved::get);
                if (movedTo.isPresent()) {
                    problems.add(ContentProblem.warning(
                            page.file(),
                            link.line(),
                            "the link to " + link.path() + " goes to a page that moved to "
                                    + movedTo.get().url() + "; link to "
                                    + movedTo.get().url() + " instead"));
                    continue;
                }
                // A form's address always answers, with or without an introduction page.
                boolean published = target.flatMap(Form::at).isPresent()
                        || target.map(pages::get)
                                .filter(linked -> !linked.meta().draft())
                                .isPresent();
                if (!published) {
                    problems.add(ContentProblem.warning(
                            page.file(), link.line(), "the link to " + link.path() + " goes to no published page"));
                }
            }
        }
        return problems;
    }

    public long version() {
        return version;
    }

    /** The clinic's time this snapshot was taken at, which decides which scheduled pages it shows. */
    public LocalDateTime at() {
        return at;
    }

    /** On the website at that time: not a draft, published and not expired. */
    private static boolean isLive(Page page, LocalDateTime at) {
        return !page.meta().draft() && page.meta().schedule().isOn(at);
    }

    /** The next time after this snapshot at which a page appears or disappears on schedule. */
    Optional<LocalDateTime> nextScheduledChange() {
        return pages.values().stream()
                .filter(page -> !page.meta().draft())
                .flatMap(page -> Stream.of(
                        page.meta().schedule().publish(), page.meta().schedule().expires()))
                .flatMap(Optional::stream)
                .filter(time -> time.isAfter(at))
                .min(Comparator.naturalOrder());
    }

    /**
     * The published page that content serves at this address. Never one at a reserved address: the parser
     * already refuses those, and a form's introduction is shown by its form instead. Drafts are empty too.
     */
    public Optional<Page> find(Slug slug) {
        if (ReservedAddresses.isReserved(slug)) {
            return Optional.empty();
        }
        return Optional.ofNullable(pages.get(slug))
                .filter(page -> isLive(page, at) && page.meta().form().isEmpty());
    }

    /**
     * The page that used to be at this address (its {@code aliases}), when it is on the website: the old address
     * redirects to it. Never a reserved address, and never an address that is a page now.
     */
    public Optional<Page> movedTo(Slug slug) {
        return Optional.ofNullable(moved.get(slug)).filter(page -> isLive(page, at));
    }

    /** The published introduction of a form the application renders itself, such as the contact form. */
    public Optional<Page> formIntro(Form form) {
        return Optional.ofNullable(pages.get(form.slug()))
                .filter(page -> isLive(page, at) && page.meta().form().equals(Optional.of(form)));
    }

    /** Every published page, ordered by URL: the pages content serves and the forms' introductions. */
    public List<Page> publishedPages() {
        return allPages().stream().filter(page -> isLive(page, at)).toList();
    }

    /** Every page, drafts included, ordered by URL: for the staff area's content health and preview. */
    public List<Page> allPages() {
        return pages.values().stream().sorted(Comparator.comparing(Page::url)).toList();
    }

    /** A page at this address whether published or draft: for staff preview. */
    public Optional<Page> findIncludingDrafts(Slug slug) {
        return Optional.ofNullable(pages.get(slug));
    }

    /** The way from the home page to a nested page, through the published pages above it; empty for top-level pages. */
    public List<Breadcrumb> breadcrumbs(Page page) {
        if (!page.slug().isNested()) {
            return List.of();
        }
        return page.slug().ancestors().stream()
                .flatMap(slug -> find(slug).stream())
                .map(ancestor ->
                        new Breadcrumb(ancestor.slug().isHome() ? "Home" : ancestor.shortTitle(), ancestor.url()))
                .toList();
    }

    /**
     * The published clinician profiles an "Our team" page lists: those one level below its address (for
     * content/team/index.md, content/team/*.md), by name. Empty for any other page.
     */
    public List<Page> clinicians(Page team) {
        if (team.meta().layout() != PageLayout.TEAM) {
            return List.of();
        }
        Collator byName = Collator.getInstance(Locale.ENGLISH);
        return pages.values().stream()
                .filter(page -> page.meta().layout() == PageLayout.CLINICIAN
                        && isLive(page, at)
                        && directlyBelow(page.slug(), team.slug()))
                .sorted(Comparator.comparing(Page::title, byName).thenComparing(Page::url))
                .toList();
    }

    private static boolean directlyBelow(Slug slug, Slug parent) {
        List<Slug> ancestors = slug.ancestors();
        return !ancestors.isEmpty() && ancestors.get(ancestors.size() - 1).equals(parent);
    }

    /** The main menu: published pages with a menu label, in their menu order. */
    public List<MenuItem> menu() {
        return menu;
    }

    /** What is wrong in the content folder, by file and line: errors and warnings. */
    public List<ContentProblem> problems() {
        return problems;
    }

    /** What one content file last yielded: its text, the last good page (if any) and its current problems. */
    record LoadedFile(String text, Optional<Page> page, List<ContentProblem> problems) {}
}
