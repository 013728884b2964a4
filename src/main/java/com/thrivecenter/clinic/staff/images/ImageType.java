package com.thrivecenter.clinic.staff.images;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The picture formats staff may upload, recognised by their first bytes only: a file's name and the browser's
 * Content-Type are what the sender claims, the bytes are what a browser will decode.
 */
enum ImageType {
    PNG("png"),
    JPEG("jpg"),
    WEBP("webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_FORM = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private final String extension;

    ImageType(String extension) {
        this.extension = extension;
    }

    /** The extension a stored picture of this type gets, whatever the uploaded file was called. */
    String extension() {
        return extension;
    }

    /** The same picture, byte for byte, without the metadata that may say where and with what it was taken. */
    byte[] withoutMetadata(byte[] bytes) throws UnreadableImageException {
        return switch (this) {
            case PNG -> PngMetadata.strip(bytes);
            case JPEG -> JpegMetadata.strip(bytes);
            case WEBP -> WebpMetadata.strip(bytes);
        };
    }

    static Optional<ImageType> of(byte[] bytes) {
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_FORM)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
