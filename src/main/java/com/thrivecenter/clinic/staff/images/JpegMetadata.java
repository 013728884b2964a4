package com.thrivecenter.clinic.staff.images;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Removes a JPEG's metadata segments, copying everything else byte for byte (the picture is never re-encoded).
 * Dropped: every APPn segment but JFIF (APP0), the colour profile (APP2 "ICC_PROFILE") and Adobe's colour
 * transform (APP14), which decoders need to show the right colours; so Exif with GPS and XMP (APP1), IPTC
 * (APP13), camera makers' segments, and comments (COM) go, also between the scans of a progressive JPEG.
 * Anything after the end-of-image marker (appended previews carry their own Exif) goes too.
 */
final class JpegMetadata {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    private JpegMetadata() {}

    static byte[] strip(byte[] jpeg) throws UnreadableImageException {
        if (jpeg.length < 4 || unsigned(jpeg[0]) != 0xFF || unsigned(jpeg[1]) != SOI) {
            throw new UnreadableImageException("not a JPEG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        boolean scanned = false;
        int at = 2;
        while (true) {
            if (at + 2 > jpeg.length) {
                throw new UnreadableImageException("cut short");
            }
            if (unsigned(jpeg[at]) != 0xFF) {
                throw new UnreadableImageException("a segment without its marker");
            }
            int marker = unsigned(jpeg[at + 1]);
            if (marker == 0xFF) {
                at++; // a fill byte before the marker
            } else if (marker == EOI) {
                if (!scanned) {
                    throw new UnreadableImageException("no picture data");
                }
                out.write(jpeg, at, 2);
                return out.toByteArray();
            } else if (isStandalone(marker)) {
                out.write(jpeg, at, 2);
                at += 2;
            } else {
                int end = at + 2 + segmentLength(jpeg, at);
                if (marker == SOS) {
                    int scanEnd = scanEnd(jpeg, end);
                    out.write(jpeg, at, scanEnd - at);
                    scanned = true;
                    at = scanEnd;
                } else {
                    if (keeps(marker, jpeg, at + 4, end)) {
                        out.write(jpeg, at, end - at);
                    }
                    at = end;
                }
            }
        }
    }

    /** Restart markers and TEM carry no length. */
    private static boolean isStandalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == SOI;
    }

    private static int segmentLength(byte[] jpeg, int at) throws UnreadableImageException {
        if (at + 4 > jpeg.length) {
            throw new UnreadableImageException("cut short");
        }
        int length = (unsigned(jpeg[at + 2]) << 8) | unsigned(jpeg[at + 3]);
        if (length < 2 || at + 2 + length > jpeg.length) {
            throw new UnreadableImageException("cut short");
        }
        return length;
    }

    /** Where the compressed data after a scan header ends: at the next marker that is not a restart marker. */
    private static int scanEnd(byte[] jpeg, int from) throws UnreadableImageException {
        for (int at = from; at + 1 < jpeg.length; at++) {
            if (unsigned(jpeg[at]) == 0xFF) {
                int next = unsigned(jpeg[at + 1]);
                boolean inData = next == 0x00 || (next >= 0xD0 && next <= 0xD7) || next == 0xFF;
                if (!inData) {
                    return at;
                }
                if (next != 0xFF) {
                    at++;
                }
            }
        }
        throw new UnreadableImageException("cut short");
    }

    private static boolean keeps(int marker, byte[] jpeg, int payload, int end) {
        if (marker == COM) {
            return false;
        }
        if (marker < APP0 || marker > APP15) {
            return true; // tables, frame headers and the like: the picture itself
        }
        return marker == APP0
                || marker == APP14
                || (marker == APP2
                        && end - payload >= ICC_PROFILE.length
                        && Arrays.equals(
                                jpeg, payload, payload + ICC_PROFILE.length, ICC_PROFILE, 0, ICC_PROFILE.length));
    }

    private static int unsigned(byte b) {
        return b & 0xFF;
    }
}
