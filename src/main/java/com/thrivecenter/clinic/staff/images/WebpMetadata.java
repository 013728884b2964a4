package com.thrivecenter.clinic.staff.images;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes a WebP's metadata chunks (EXIF and XMP), copying every other chunk byte for byte (the picture is never
 * re-encoded), and clears the flags in the extended header (VP8X) that announce them, so no reader looks for
 * them. The container's size is written anew; anything after the container goes.
 */
final class WebpMetadata {

    private static final int HEADER_LENGTH = 12;
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;
    private static final Set<String> METADATA = Set.of("EXIF", "XMP ");
    private static final Set<String> PICTURE = Set.of("VP8 ", "VP8L", "ANMF");

    private WebpMetadata() {}

    static byte[] strip(byte[] webp) throws UnreadableImageException {
        if (webp.length < HEADER_LENGTH) {
            throw new UnreadableImageException("cut short");
        }
        long containerEnd = 8 + readInt(webp, 4);
        if (containerEnd > webp.length || containerEnd < HEADER_LENGTH) {
            throw new UnreadableImageException("cut short");
        }
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(webp.length);
        boolean sawPicture = false;
        int at = HEADER_LENGTH;
        while (at < containerEnd) {
            if (at + 8 > containerEnd) {
                throw new UnreadableImageException("cut short");
            }
            String type = new String(webp, at, 4, StandardCharsets.US_ASCII);
            long size = readInt(webp, at + 4);
            // Chunks are padded to an even size; a missing pad byte at the very end is forgiven.
            long end = Math.min(at + 8 + size + (size & 1), containerEnd);
            if (at + 8 + size > containerEnd) {
                throw new UnreadableImageException("cut short");
            }
            sawPicture |= PICTURE.contains(type);
            if (type.equals("VP8X") && size >= 1) {
                byte[] header = Arrays.copyOfRange(webp, at, (int) end);
                header[8] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
                chunks.writeBytes(header);
            } else if (!METADATA.contains(type)) {
                chunks.write(webp, at, (int) end - at);
            }
            at = (int) end;
        }
        if (!sawPicture) {
            throw new UnreadableImageException("no picture data");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + chunks.size());
        out.write(webp, 0, 4);
        writeInt(out, 4 + chunks.size());
        out.write(webp, 8, 4);
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    /** Little-endian, as RIFF is. */
    private static long readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF)
                | ((bytes[at + 1] & 0xFF) << 8)
                | ((bytes[at + 2] & 0xFF) << 16)
                | ((long) (bytes[at + 3] & 0xFF) << 24);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
