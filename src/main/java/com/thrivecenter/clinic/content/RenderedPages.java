package com.thrivecenter.clinic.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Each content page as the bytes a browser gets: rendered through the layout once, gzipped once, and tagged
 * with an ETag, then kept until the content changes. A request for a page only copies bytes.
 */
@Component
public class RenderedPages {

    /** A page ready to send, plain and gzipped, with its ETag. */
    public record RenderedPage(byte[] html, byte[] gzipped, String etag) {
    }

    private record Cached(long contentVersion, RenderedPage page) {
    }

    private final ContentRepository content;
    private final ITemplateEngine templates;
    private final ThymeleafViewResolver views;
    private final Map<Slug, Cached> cache = new ConcurrentHashMap<>();

    public RenderedPages(ContentRepository content, ITemplateEngine templates, ThymeleafViewResolver views) {
        this.content = content;
        this.templates = templates;
        this.views = views;
    }

    public RenderedPage get(Page page) {
        long version = content.version();
        Cached cached = cache.get(page.slug());
        if (cached == null || cached.contentVersion() != version) {
            // Another page's edit can change this one too (its menu, its breadcrumbs), so any change renders again.
            cached = new Cached(version, render(page));
            cache.put(page.slug(), cached);
        }
        return cached.page();
    }

    private RenderedPage render(Page page) {
        // The same variables every view gets (clinic details, menu, assets), plus the page's own.
        Map<String, Object> variables = new HashMap<>(views.getStaticVariables());
        variables.put("page", page);
        variables.put("breadcrumbs", content.breadcrumbs(page));
        variables.put("currentPath", page.url());
        byte[] html = templates.process("page", new Context(Locale.ENGLISH, variables)).getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(html, gzip(html), "W/\"" + sha256(html) + "\"");
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
