package com.thrivecenter.clinic.content.web;

import java.util.concurrent.CountDownLatch;
import org.springframework.util.unit.DataSize;

/** A Brotli compressor that compresses nothing until let go: compression falling behind the pages asked for. */
final class HeldBackBrotli extends BrotliCompressor {

    private final CountDownLatch heldBack = new CountDownLatch(1);

    HeldBackBrotli() {
        super(new PublishingProperties(11, DataSize.ofMegabytes(1)));
    }

    @Override
    byte[] compress(byte[] bytes) {
        try {
            heldBack.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return super.compress(bytes);
    }

    void letGo() {
        heldBack.countDown();
    }

    /** Lets go of what waits, and stops. */
    @Override
    public void destroy() {
        letGo();
        super.destroy();
    }
}
