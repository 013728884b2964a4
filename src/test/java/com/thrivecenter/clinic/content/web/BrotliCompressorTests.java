package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Brotli on its own thread: no request waits for it, and what waits for it stays bounded. */
class BrotliCompressorTests {

    @Test
    void whileCompressionIsBehindOnlySoManyPagesWaitTheRestGoGzipped() {
        HeldBackBrotli compressor = new HeldBackBrotli();
        try {
            // One page being compressed, then as many as may wait, then more than that: a crawl of a large site.
            int asked = 1 + BrotliCompressor.MOST_WAITING + 100;
            List<CompletableFuture<byte[]>> pages = IntStream.range(0, asked)
                    .mapToObj(page -> compressor.compressLater(("<p>Page " + page).getBytes(StandardCharsets.UTF_8)))
                    .toList();

            assertThat(pages.stream().filter(CompletableFuture::isCompletedExceptionally))
                    .as("pages beyond those waiting are not kept for Brotli: they go gzipped")
                    .hasSize(100)
                    .allSatisfy(page -> assertThatThrownBy(page::join)
                            .cause()
                            .as("one reason without a stack trace: hundreds of held pages may keep it")
                            .isSameAs(BrotliCompressor.TOO_FAR_BEHIND)
                            .satisfies(
                                    reason -> assertThat(reason.getStackTrace()).isEmpty()));
            compressor.letGo();
            pages.stream().filter(page -> !page.isCompletedExceptionally()).forEach(page -> assertThat(page.join())
                    .isNotEmpty());
        } finally {
            compressor.destroy();
        }
    }
}
