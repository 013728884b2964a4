package com.thrivecenter.clinic.staff.images;

import static com.thrivecenter.clinic.staff.images.TestImages.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jfif.JfifDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Type detection by content and metadata removal, read back with an independent reader (metadata-extractor). */
class ImageMetadataTests {

    @Test
    void aJpegLosesExifGpsXmpIptcAndCommentsButKeepsJfifTheColourProfileAndItsPixels() throws Exception {
        byte[] original = TestImages.jpegWithMetadata();
        Metadata before = read(original);
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        assertThat(before.getFirstDirectoryOfType(XmpDirectory.class)).isNotNull();
        assertThat(before.getFirstDirectoryOfType(IptcDirectory.class)).isNotNull();

        byte[] stored = ImageType.of(original).orElseThrow().withoutMetadata(original);

        Metadata after = read(stored);
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(IptcDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(JfifDirectory.class)).isNotNull();
        assertThat(after.getFirstDirectoryOfType(IccDirectory.class)).isNotNull();
        assertNoTrace(stored);
        assertSamePixels(original, stored);
    }

    @Test
    void aPngLosesItsExifTextAndXmpChunksButKeepsItsPixels() throws Exception {
        byte[] original = TestImages.pngWithMetadata();
        assertThat(read(original).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();

        byte[] stored = ImageType.of(original).orElseThrow().withoutMetadata(original);

        Metadata after = read(stored);
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
        assertNoTrace(stored);
        assertThat(stored).isEqualTo(TestImages.plainPng());
        assertSamePixels(original, stored);
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndTheirFlagsButKeepsItsPictureChunk() throws Exception {
        byte[] original = TestImages.webpWithMetadata();
        assertThat(read(original).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        assertThat(read(original).getFirstDirectoryOfType(XmpDirectory.class)).isNotNull();

        byte[] stored = ImageType.of(original).orElseThrow().withoutMetadata(original);

        Metadata after = read(stored);
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
        assertNoTrace(stored);
        assertThat(stored[20] & 0x0C).as("VP8X flags for EXIF and XMP").isZero();
        assertThat(littleEndian(stored, 4)).as("RIFF size").isEqualTo(stored.length - 8);
        byte[] picture = TestImages.webpPictureChunk();
        assertThat(Arrays.copyOfRange(stored, stored.length - picture.length, stored.length))
                .isEqualTo(picture);
    }

    @ParameterizedTest
    @CsvSource({
        "'<!DOCTYPE html><html><script>alert(1)</script></html>'",
        "'<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>'",
        "'<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>'",
        "'GIF89a'",
        "''",
    })
    void onlyPngJpegAndWebpAreRecognisedWhateverTheFileIsCalled(String content) {
        assertThat(ImageType.of(content.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aCutShortPictureIsRefused() throws Exception {
        for (byte[] whole :
                new byte[][] {TestImages.jpegWithMetadata(), TestImages.pngWithMetadata(), TestImages.webpWithMetadata()
                }) {
            byte[] cut = Arrays.copyOf(whole, whole.length - 10);
            ImageType type = ImageType.of(cut).orElseThrow();
            assertThatThrownBy(() -> type.withoutMetadata(cut))
                    .as(type.name())
                    .isInstanceOf(UnreadableImageException.class);
        }
        byte[] signatureOnly = Arrays.copyOf(TestImages.plainPng(), 8);
        assertThatThrownBy(() -> ImageType.PNG.withoutMetadata(signatureOnly))
                .isInstanceOf(UnreadableImageException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "'Front desk.JPG', front-desk",
        "'Dr. Müller''s office', dr-muller-s-office",
        "'  ../../etc/passwd ', etc-passwd",
        "'photo.svg', photo",
        "'???', ''",
        "'.png', ''",
    })
    void namesAreCleaned(String typed, String cleaned) {
        assertThat(ImageName.clean(typed))
                .isEqualTo(Optional.ofNullable(cleaned).filter(name -> !name.isEmpty()));
    }

    @Test
    void aLongNameIsShortened() {
        assertThat(ImageName.clean("a".repeat(200)).orElseThrow()).hasSize(ImageName.MAX_LENGTH);
    }

    private static Metadata read(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    }

    /** Nothing of the metadata's text is left anywhere in the file, whatever a reader makes of it. */
    private static void assertNoTrace(byte[] stored) throws Exception {
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain(TestImages.CAMERA, TestImages.COMMENT, TestImages.XMP_MARK, "secret caption");
        for (Directory directory : read(stored).getDirectories()) {
            directory.getTags().forEach(tag -> assertThat(String.valueOf(tag.getDescription()))
                    .doesNotContain(TestImages.CAMERA, "secret"));
        }
        assertThat(text).doesNotContain(new String(ascii("Exif\0\0"), StandardCharsets.ISO_8859_1));
    }

    private static void assertSamePixels(byte[] original, byte[] stored) throws Exception {
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(after.getHeight()).isEqualTo(before.getHeight());
        for (int x = 0; x < before.getWidth(); x++) {
            for (int y = 0; y < before.getHeight(); y++) {
                assertThat(after.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(before.getRGB(x, y));
            }
        }
    }

    private static long littleEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xFF)
                | ((bytes[at + 1] & 0xFF) << 8)
                | ((bytes[at + 2] & 0xFF) << 16)
                | ((long) (bytes[at + 3] & 0xFF) << 24);
    }
}
