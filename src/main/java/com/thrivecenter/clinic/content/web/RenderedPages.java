package com.thrivecenter.clinic.content.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * Each published page as the bytes a browser gets: rendered through the layout once, compressed once with gzip
 * and with Brotli (in the background: see {@link BrotliCompressor}), and tagged with an ETag. A page is looked up
 * and rendered from one content snapshot, and held for that snapshot only (another page's edit can change this
 * one's menu or breadcrumbs), so no interleaving with a reload can serve or keep a stale page. A page whose HTML
 * comes out the same as for the snapshot before keeps its compressed bytes: an edit to one page re-renders the
 * others (cheap) but compresses only what changed (Brotli at its best quality is most of a page's cost). The pages
 * held take at most {@link PublishingProperties#renderedPagesMemory()}: beyond it the least asked-for are let go.
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

    /** A rendered page and the version of the content it was rendered from. */
    private record Held(long version, RenderedPage page) {

        /** What it takes in memory, counting the Brotli bytes (made later) as the gzip bytes, which they undercut. */
        int weight() {
            return page.html().length + 2 * page.gzipped().length;
        }
    }

    private final ContentRepository repository;
    private final PageRenderer renderer;
    private final BrotliCompressor brotli;
    private final Cache<Slug, Held> held;

    RenderedPages(
            ContentRepository repository,
            PageRenderer renderer,
            BrotliCompressor brotli,
            PublishingProperties properties) {
        this.repository = repository;
        this.renderer = renderer;
        this.brotli = brotli;
        this.held = Caffeine.newBuilder()
                .maximumWeight(properties.renderedPagesMemory().toBytes())
                .weigher((Slug slug, Held page) -> page.weight())
                // Letting pages go is quick; doing it on the request's thread needs no pool of its own.
                .executor(Runnable::run)
                .build();
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

    /**
     * The page at this address only when it is rendered already from the content as it stands: nothing is rendered
     * and nothing waited for, so a thread that must never block may ask ({@link PublishedPageHandler}).
     */
    Optional<RenderedPage> ready(Slug slug) {
        ContentSnapshot content = repository.current();
        return content.find(slug)
                .map(page -> held.getIfPresent(page.slug()))
                .filter(found -> found.version() == content.version())
                .map(Held::page);
    }

    private RenderedPage rendered(ContentSnapshot content, Page page) {
        Held found = held.getIfPresent(page.slug());
        if (found != null && found.version() == content.version()) {
            return found.page();
        }
        Held now = held.asMap().compute(page.slug(), (slug, before) -> {
            if (before != null && before.version() >= content.version()) {
                return before;
            }
            Optional<RenderedPage> earlier = Optional.ofNullable(before).map(Held::page);
            return new Held(content.version(), render(content, page, earlier));
        });
        if (now.version() == content.version()) {
            return now.page();
        }
        // The page of newer content is held already; this request's answer, from its older snapshot, is not kept.
        return render(content, page, Optional.empty());
    }

    private RenderedPage render(ContentSnapshot content, Page page, Optional<RenderedPage> earlier) {
        byte[] html = renderer.render(content, page).getBytes(StandardCharsets.UTF_8);
        String etag = "W/\"" + sha256(html) + "\"";
        return earlier.filter(same -> same.etag().equals(etag) && Arrays.equals(same.html(), html))
                .map(this::withBrotliTriedAgain)
                .orElseGet(() -> new RenderedPage(html, gzip(html), brotli.compressLater(html), etag));
    }

    /** The same page, with its Brotli bytes asked for again if they could not be made (Brotli was too far behind). */
    private RenderedPage withBrotliTriedAgain(RenderedPage page) {
        if (!page.brotli().isCompletedExceptionally()) {
            return page;
        }
        return new RenderedPage(page.html(), page.gzipped(), brotli.compressLater(page.html()), page.etag());
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
