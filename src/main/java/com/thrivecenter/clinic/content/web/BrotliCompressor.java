package com.thrivecenter.clinic.content.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Google's Brotli encoder, through brotli4j's JNI library. The library is loaded when the site starts, so a
 * platform without it stops the start-up with the reason instead of failing the first page.
 */
@Component
class BrotliCompressor {

    private final Encoder.Parameters parameters;

    BrotliCompressor(BrotliProperties properties) {
        try {
            Brotli4jLoader.ensureAvailability();
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException(
                    "Brotli's native library could not be loaded on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + " (it is unpacked into java.io.tmpdir, or the folder "
                            + "in -Dcom.aayushatharva.brotli4j.native.workdir, which must allow running code)",
                    e);
        }
        this.parameters =
                new Encoder.Parameters().setQuality(properties.brotliQuality()).setMode(Encoder.Mode.TEXT);
    }

    byte[] compress(byte[] bytes) {
        try {
            return Encoder.compress(bytes, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
