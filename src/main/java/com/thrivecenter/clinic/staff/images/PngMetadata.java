package com.thrivecenter.clinic.staff.images;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes a PNG's metadata chunks, copying every other chunk byte for byte (the picture is never re-encoded):
 * Exif (eXIf), text of any kind (tEXt, zTXt, iTXt, where XMP and editing software's notes live) and the time of
 * last change (tIME). Anything after the closing IEND chunk goes too.
 */
final class PngMetadata {

    private static final int SIGNATURE_LENGTH = 8;
    private static final Set<String> METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

    private PngMetadata() {}

    static byte[] strip(byte[] png) throws UnreadableImageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, SIGNATURE_LENGTH);
        boolean sawPixels = false;
        int at = SIGNATURE_LENGTH;
        while (true) {
            // length (4), type (4), data, CRC (4)
            if (at + 12 > png.length) {
                throw new UnreadableImageException("cut short");
            }
            long length = readInt(png, at);
            if (at + 12 + length > png.length) {
                throw new UnreadableImageException("cut short");
            }
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (at == SIGNATURE_LENGTH && !type.equals("IHDR")) {
                throw new UnreadableImageException("no image header");
            }
            sawPixels |= type.equals("IDAT");
            int end = at + 12 + (int) length;
            if (!METADATA.contains(type)) {
                out.write(png, at, end - at);
            }
            if (type.equals("IEND")) {
                if (!sawPixels) {
                    throw new UnreadableImageException("no picture data");
                }
                return out.toByteArray();
            }
            at = end;
        }
    }

    private static long readInt(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24)
                | ((bytes[at + 1] & 0xFF) << 16)
                | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
