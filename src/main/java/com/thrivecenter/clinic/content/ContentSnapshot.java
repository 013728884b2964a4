package com.thrivecenter.clinic.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything loaded from the content folder at one moment; replaced whole on every change, never mutated. */
record ContentSnapshot(Map<Slug, Page> pages, List<MenuItem> menu, List<ContentProblem> problems) {

    static final ContentSnapshot EMPTY = new ContentSnapshot(Map.of(), List.of(), List.of());

    /** Builds the snapshot from the loaded files, given in file-name order. */
    static ContentSnapshot of(Map<String, LoadedFile> files) {
        Map<Slug, Page> pages = new LinkedHashMap<>();
        List<ContentProblem> problems = new ArrayList<>();
        files.forEach((file, loaded) -> {
            problems.addAll(loaded.problems());
            loaded.page().ifPresent(page -> {
                Page other = pages.putIfAbsent(page.slug(), page);
                if (other != null) {
                    problems.add(new ContentProblem(file, 1, "this file and " + other.file()
                            + " both make the page " + page.url() + "; rename or remove one"));
                }
            });
        });
        List<MenuItem> menu = pages.values().stream()
                .filter(page -> !page.meta().draft() && page.meta().nav().isPresent())
                .sorted(Comparator.comparing((Page page) -> page.meta().nav().orElseThrow().order())
                        .thenComparing(Page::shortTitle))
                .map(page -> new MenuItem(page.shortTitle(), page.url()))
                .toList();
        return new ContentSnapshot(Map.copyOf(pages), menu, List.copyOf(problems));
    }

    Optional<Page> published(Slug slug) {
        return Optional.ofNullable(pages.get(slug)).filter(page -> !page.meta().draft());
    }

    List<Page> publishedPages() {
        return pages.values().stream()
                .filter(page -> !page.meta().draft())
                .sorted(Comparator.comparing(Page::url))
                .toList();
    }

    /** What one content file last yielded: its text, the last good page (if any) and its current problems. */
    record LoadedFile(String text, Optional<Page> page, List<ContentProblem> problems) {
    }
}
