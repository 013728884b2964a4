package com.thrivecenter.clinic.staff.images;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.PageLink;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Every picture in the content folder and where the pages use it (drafts included: a draft's picture is not
 * spare), and the pictures pages ask for that are not there.
 */
@Component
class ImageLibrary {

    private static final String IMAGES = "/images/";

    /** A page that uses a picture, for a link to it. */
    record PageUse(String title, String url) {}

    /**
     * One picture in the library.
     *
     * @param markdown what staff paste into a page to show it
     */
    record Row(String name, String url, String size, String markdown, List<PageUse> usedOn) {}

    /** A picture pages ask for that is not in the folder. */
    record Missing(String url, List<PageUse> usedOn) {}

    record View(List<Row> images, List<Missing> missing) {}

    private final ContentRepository content;
    private final ImageStore store;

    ImageLibrary(ContentRepository content, ImageStore store) {
        this.content = content;
        this.store = store;
    }

    View view() {
        Map<String, List<PageUse>> uses = usesByName();
        List<StoredImage> stored = store.list();
        List<Row> rows = stored.stream()
                .map(image -> new Row(
                        image.name(),
                        image.url(),
                        readableSize(image.bytes()),
                        markdown(image),
                        uses.getOrDefault(image.name(), List.of())))
                .toList();
        Set<String> present = stored.stream().map(StoredImage::name).collect(Collectors.toSet());
        List<Missing> missing = uses.entrySet().stream()
                .filter(use -> !present.contains(use.getKey()))
                .map(use -> new Missing(IMAGES + use.getKey(), use.getValue()))
                .toList();
        return new View(rows, missing);
    }

    static String markdown(StoredImage image) {
        return "![Describe the picture](" + image.url() + ")";
    }

    /** Picture name to the pages that show or link to it, in the order of the names. */
    private Map<String, List<PageUse>> usesByName() {
        Map<String, Map<String, PageUse>> uses = new TreeMap<>();
        for (Page page : content.current().allPages()) {
            for (PageLink link : page.links()) {
                if (link.isInternal() && link.path().startsWith(IMAGES)) {
                    String name = UriUtils.decode(link.path().substring(IMAGES.length()), StandardCharsets.UTF_8);
                    uses.computeIfAbsent(name, absent -> new LinkedHashMap<>())
                            .putIfAbsent(page.url(), new PageUse(page.title(), page.url()));
                }
            }
        }
        Map<String, List<PageUse>> result = new LinkedHashMap<>();
        uses.forEach((name, pages) -> result.put(name, List.copyOf(pages.values())));
        return result;
    }

    static String readableSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
