package com.thrivecenter.clinic.staff.images;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Real pictures carrying the metadata a phone puts in: Exif with GPS coordinates and the camera's make, XMP, IPTC
 * and comments, built byte by byte so each test knows exactly what was there.
 */
final class TestImages {

    /** Text that appears only in the metadata, so the stored bytes can be searched for it. */
    static final String CAMERA = "SecretCam";

    static final String COMMENT = "secret comment";
    static final String XMP_MARK = "adobe:ns:meta";

    /** A real 1×1 lossless WebP (Google's feature-detection sample). */
    private static final byte[] WEBP_LOSSLESS =
            Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestImages() {}

    static BufferedImage picture() {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 12; y++) {
                image.setRGB(x, y, new Color(x * 15, y * 20, 128).getRGB());
            }
        }
        return image;
    }

    static byte[] plainPng() throws IOException {
        return write(picture(), "png");
    }

    /** A JPEG with JFIF, an sRGB colour profile, Exif with GPS, XMP, IPTC and a comment. */
    static byte[] jpegWithMetadata() throws IOException {
        byte[] plain = write(picture(), "jpg");
        int afterJfif = 4 + ((plain[4] & 0xFF) << 8 | (plain[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterJfif);
        segment(out, 0xE1, concat(ascii("Exif\0\0"), exifWithGps()));
        segment(out, 0xE1, concat(ascii("http://ns.adobe.com/xap/1.0/\0"), xmp()));
        segment(out, 0xED, concat(ascii("Photoshop 3.0\0"), iptc()));
        segment(out, 0xFE, ascii(COMMENT));
        segment(
                out,
                0xE2,
                concat(
                        ascii("ICC_PROFILE\0"),
                        new byte[] {1, 1},
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        out.write(plain, afterJfif, plain.length - afterJfif);
        return out.toByteArray();
    }

    /** A PNG with eXIf (GPS), XMP in iTXt, a tEXt comment and a tIME chunk. */
    static byte[] pngWithMetadata() throws IOException {
        byte[] plain = plainPng();
        int afterHeader = 8 + 12 + 13; // signature, IHDR
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        chunk(out, "eXIf", exifWithGps());
        chunk(out, "iTXt", concat(ascii("XML:com.adobe.xmp\0\0\0\0\0"), xmp()));
        chunk(out, "tEXt", ascii("Comment\0" + COMMENT));
        chunk(out, "tIME", new byte[] {0x07, (byte) 0xE8, 1, 2, 3, 4, 5});
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    /** The lossless picture in an extended WebP with EXIF (GPS) and XMP chunks, announced in VP8X. */
    static byte[] webpWithMetadata() {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        // VP8X: flags (EXIF 0x08, XMP 0x04), 3 reserved bytes, canvas width - 1 and height - 1 (24 bits each)
        riffChunk(chunks, "VP8X", new byte[] {0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        chunks.write(WEBP_LOSSLESS, 12, WEBP_LOSSLESS.length - 12); // the VP8L chunk as it was
        riffChunk(chunks, "EXIF", exifWithGps());
        riffChunk(chunks, "XMP ", xmp());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("RIFF"));
        out.writeBytes(littleEndian(4 + chunks.size()));
        out.writeBytes(ascii("WEBP"));
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    static byte[] webpPictureChunk() {
        return Arrays.copyOfRange(WEBP_LOSSLESS, 12, WEBP_LOSSLESS.length);
    }

    /** Big-endian TIFF: IFD0 with the camera's make and a GPS IFD with latitude N 48° 51' 30". */
    static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(104).order(ByteOrder.BIG_ENDIAN);
        tiff.put(ascii("MM")).putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(10).putInt(38); // Make, ASCII
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(48); // GPS IFD pointer, LONG
        tiff.putInt(0);
        tiff.put(ascii(CAMERA + "\0"));
        tiff.position(48);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(ascii("N\0\0\0")); // GPSLatitudeRef
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80); // GPSLatitude, 3 RATIONAL
        tiff.putInt(0);
        tiff.position(80);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(30).putInt(1);
        return tiff.array();
    }

    private static byte[] xmp() {
        return ascii(
                "<x:xmpmeta xmlns:x=\"" + XMP_MARK + "/\"><rdf:RDF"
                        + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\""
                        + " xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"48,51.5N\"/></rdf:RDF></x:xmpmeta>");
    }

    /** A Photoshop resource block holding one IPTC record: the caption. */
    private static byte[] iptc() {
        byte[] caption = ascii("secret caption");
        byte[] record = concat(new byte[] {0x1C, 2, 120, 0, (byte) caption.length}, caption);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("8BIM"));
        out.writeBytes(new byte[] {0x04, 0x04, 0, 0});
        out.writeBytes(ByteBuffer.allocate(4).putInt(record.length).array());
        out.writeBytes(record);
        if (record.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeAndData = concat(ascii(type), data);
        out.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void riffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ascii(type));
        out.writeBytes(littleEndian(data.length));
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(value)
                .array();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
