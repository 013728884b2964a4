package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Brotli on its own thread: no request waits for it, and what waits for it stays bounded. */
class BrotliCompressorTests {

    @Test
    void whileCompressionIsBehindOnlySoManyPagesWaitTheRestGoGzipped() {
        CountDownLatch behind = new CountDownLatch(1);
        BrotliCompressor compressor = new BrotliCompressor(new PublishingProperties(11, DataSize.ofMegabytes(1))) {
            @Override
            byte[] compress(byte[] bytes) {
                try {
                    behind.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.compress(bytes);
            }
        };
        try {
            // One page being compressed, then as many as may wait, then more than that: a crawl of a large site.
            int asked = 1 + BrotliCompressor.MOST_WAITING + 100;
            List<CompletableFuture<byte[]>> pages = IntStream.range(0, asked)
                    .mapToObj(page -> compressor.compressLater(("<p>Page " + page).getBytes(StandardCharsets.UTF_8)))
                    .toList();

            assertThat(pages.stream().filter(CompletableFuture::isCompletedExceptionally))
                    .as("pages beyond those waiting are not kept for Brotli: they go gzipped")
                    .hasSize(100);
            behind.countDown();
            pages.stream().filter(page -> !page.isCompletedExceptionally()).forEach(page -> assertThat(page.join())
                    .isNotEmpty());
        } finally {
            behind.countDown();
            compressor.destroy();
        }
    }
}
