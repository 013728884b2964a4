package com.thrivecenter.clinic.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A page's body HTML, held deflated: every published page's body stays in memory for as long as the snapshot does,
 * and deflated it takes a fifth of the room (the 2,000 pages of {@code bench/pages.sh}: 1 MB instead of 5 MB). It is
 * inflated only when the page is rendered, which the rendered pages spare all but a page's first request.
 */
public final class DeflatedHtml {

    private final byte[] deflated;

    private DeflatedHtml(byte[] deflated) {
        this.deflated = deflated;
    }

    public static DeflatedHtml of(String html) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(html.length() / 3);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("memory does not fail to be written", e);
        }
        return new DeflatedHtml(bytes.toByteArray());
    }

    /**
     * The bytes a parsed-pages entry kept, refused unless they inflate whole: zlib's checksum tells a damaged entry,
     * which is then parsed again instead of failing the page's render.
     */
    @JsonCreator
    static DeflatedHtml ofDeflated(byte[] deflated) {
        DeflatedHtml html = new DeflatedHtml(deflated.clone());
        try {
            html.inflate();
        } catch (IOException e) {
            throw new IllegalArgumentException("not deflated HTML: " + e.getMessage(), e);
        }
        return html;
    }

    @JsonValue
    byte[] deflated() {
        return deflated.clone();
    }

    public String html() {
        try {
            return inflate();
        } catch (IOException e) {
            throw new IllegalStateException("bytes checked when made no longer inflate", e);
        }
    }

    private String inflate() throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeflatedHtml html && Arrays.equals(deflated, html.deflated);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(deflated);
    }

    @Override
    public String toString() {
        return "DeflatedHtml[" + deflated.length + " bytes]";
    }
}
