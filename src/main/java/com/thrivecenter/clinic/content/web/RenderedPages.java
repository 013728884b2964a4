package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.Slug;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * Each published page as the bytes a browser gets: rendered through the layout once, compressed once with gzip
 * and with Brotli (in the background: see {@link BrotliCompressor}), and tagged with an ETag. The cache belongs to
 * one content snapshot: a page is looked up and rendered from the same snapshot, and a newer snapshot starts a new
 * cache (another page's edit can change this one's menu or breadcrumbs), so no interleaving with a reload can serve
 * or keep a stale page. A page whose HTML comes out the same as in the snapshot before keeps its compressed bytes:
 * an edit to one page re-renders the others (cheap) but compresses only what changed (Brotli at its best quality is
 * most of a page's cost).
 */
@Component
public class RenderedPages {

    /**
     * A page ready to send, plain, gzipped and, once made, in Brotli. The ETag is weak and the same for all three:
     * they are one page, byte for byte once decoded (RFC 9110, 8.8.1), and a cache keeps them apart by Vary:
     * Accept-Encoding.
     */
    public record RenderedPage(byte[] html, byte[] gzipped, CompletableFuture<byte[]> brotli, String etag) {

        /** Whether the Brotli bytes are made by now (a failed compression never is). */
        boolean brotliMade() {
            return brotli.isDone() && !brotli.isCompletedExceptionally();
        }
    }

    /** The pages of one snapshot, and those of earlier snapshots whose bytes may serve again. */
    private record Cache(ContentSnapshot content, Map<Slug, RenderedPage> pages, Map<Slug, RenderedPage> earlier) {

        /** The cache of a newer snapshot, keeping what this one rendered of the pages still in it. */
        Cache next(ContentSnapshot newer) {
            Map<Slug, RenderedPage> kept = new HashMap<>(earlier);
            kept.putAll(pages);
            kept.keySet().removeIf(slug -> newer.find(slug).isEmpty());
            return new Cache(newer, new ConcurrentHashMap<>(), Map.copyOf(kept));
        }
    }

    private final ContentRepository repository;
    private final PageRenderer renderer;
    private final BrotliCompressor brotli;
    private final AtomicReference<Cache> cache = new AtomicReference<>();

    RenderedPages(ContentRepository repository, PageRenderer renderer, BrotliCompressor brotli) {
        this.repository = repository;
        this.renderer = renderer;
        this.brotli = brotli;
    }

    /** What content has at an address: a page to send, or the new address of a page that moved from it. */
    public sealed interface Found {}

    public record Served(RenderedPage page) implements Found {}

    public record Moved(String url) implements Found {}

    /** What is at this address in the content as it stands now, looked up and rendered from one snapshot. */
    public Optional<Found> find(Slug slug) {
        ContentSnapshot content = repository.current();
        return content.find(slug)
                .<Found>map(page -> new Served(rendered(content, page)))
                .or(() -> content.movedTo(slug).map(page -> new Moved(page.url())));
    }

    private RenderedPage rendered(ContentSnapshot content, Page page) {
        Cache current = cache.updateAndGet(cached -> {
            if (cached == null) {
                return new Cache(content, new ConcurrentHashMap<>(), Map.of());
            }
            return cached.content().version() < content.version() ? cached.next(content) : cached;
        });
        if (current.content() != content) {
            // Content newer than this request's snapshot is already cached; this answer is not kept.
            return render(content, page, Optional.empty());
        }
        return current.pages()
                .computeIfAbsent(
                        page.slug(),
                        slug -> render(
                                content,
                                page,
                                Optional.ofNullable(current.earlier().get(slug))));
    }

    private RenderedPage render(ContentSnapshot content, Page page, Optional<RenderedPage> earlier) {
        byte[] html = renderer.render(content, page).getBytes(StandardCharsets.UTF_8);
        String etag = "W/\"" + sha256(html) + "\"";
        return earlier.filter(same -> same.etag().equals(etag) && Arrays.equals(same.html(), html))
                .orElseGet(() -> new RenderedPage(html, gzip(html), brotli.compressLater(html), etag));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first 128 bits of the SHA-256 of the page, in hex: plenty to tell versions apart. */
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
