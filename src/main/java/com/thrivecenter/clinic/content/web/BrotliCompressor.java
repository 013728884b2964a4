package com.thrivecenter.clinic.content.web;

import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Google's Brotli encoder, through brotli4j's JNI library. The library is loaded when the site starts, so a
 * platform without it stops the start-up with the reason instead of failing the first page. At its best quality a
 * page takes tens of milliseconds, so pages are compressed on a thread of their own, one at a time, and no request
 * waits for it: a page is sent gzipped until its Brotli bytes are made. Only so many pages wait their turn: a crawl
 * of a large site asks for pages faster than Brotli makes them, and each waiting page holds a copy of its HTML, so a
 * page beyond them is not compressed with Brotli and goes gzipped until it is rendered again.
 */
@Component
class BrotliCompressor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BrotliCompressor.class);

    /** About a second or two of compressing at quality 11, and under a megabyte of the clinic's pages. */
    static final int MOST_WAITING = 64;

    /**
     * Why a page beyond those waiting has no Brotli bytes. One instance without a stack trace: a crawl leaves it in
     * hundreds of held pages, and a stack trace each took more room than their gzip bytes.
     */
    static final RuntimeException TOO_FAR_BEHIND = new TooFarBehind();

    private final Encoder.Parameters parameters;
    private final ExecutorService thread;

    BrotliCompressor(PublishingProperties properties) {
        try {
            BrotliNativeLibrary.load();
        } catch (UnsatisfiedLinkError | IOException e) {
            throw new IllegalStateException(
                    "Brotli's native library could not be loaded on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + " (it is unpacked into java.io.tmpdir, or the folder "
                            + "in -Dcom.aayushatharva.brotli4j.native.workdir, which must allow running code)",
                    e);
        }
        this.parameters =
                new Encoder.Parameters().setQuality(properties.brotliQuality()).setMode(Encoder.Mode.TEXT);
        CustomizableThreadFactory threads = new CustomizableThreadFactory("brotli-");
        // Bytes not made yet are simply not sent: nothing is lost when the site stops.
        threads.setDaemon(true);
        this.thread =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MOST_WAITING), threads);
    }

    /**
     * The bytes compressed on the compressor's own thread, after the pages asked for before them; already failed
     * when {@link #MOST_WAITING} pages wait.
     */
    CompletableFuture<byte[]> compressLater(byte[] bytes) {
        CompletableFuture<byte[]> compressed = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    compressed.complete(compress(bytes));
                } catch (RuntimeException e) {
                    log.warn("Could not compress a page with Brotli; it is sent gzipped", e);
                    compressed.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            compressed.completeExceptionally(TOO_FAR_BEHIND);
        }
        return compressed;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }

    byte[] compress(byte[] bytes) {
        try {
            return Encoder.compress(bytes, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class TooFarBehind extends RuntimeException {

        private TooFarBehind() {
            super("Brotli is too far behind; the page is sent gzipped", null, false, false);
        }
    }
}
