package com.thrivecenter.clinic.staff.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import com.thrivecenter.clinic.site.HttpPages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pictures uploaded over real HTTP, as a browser sends them: a multipart body read by the site's request filter
 * and replayed to the controller, with the CSRF token from the form and the session cookie of a signed-in member.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.staff.admin-email=" + ImageUploadIT.ADMIN_EMAIL,
            "clinic.staff.admin-password=" + ImageUploadIT.ADMIN_PASSWORD,
            "clinic.images.max-size=40KB"
        })
class ImageUploadIT {

    static final String ADMIN_EMAIL = "upload.admin@clinic.example";
    static final String ADMIN_PASSWORD = "upload-admin-password";

    @TempDir
    static Path content;

    @LocalServerPort
    int port;

    private HttpPages browser;
    private Path images;

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) throws Exception {
        Files.writeString(content.resolve("index.md"), "---\ntitle: Home\ndescription: The clinic.\n---\n# Home\n");
        registry.add("clinic.content.dir", content::toString);
        registry.add("clinic.content.history", () -> "true");
    }

    @BeforeEach
    void signIn() throws Exception {
        images = content.resolve("images");
        Files.createDirectories(images);
        browser = new HttpPages(port);
        Map<String, List<String>> fields = new LinkedHashMap<>(browser.openForm("/staff/login"));
        fields.put("email", List.of(ADMIN_EMAIL));
        fields.put("password", List.of(ADMIN_PASSWORD));
        assertThat(browser.postForm("/staff/login", fields).statusCode()).isEqualTo(302);
    }

    @Test
    void aJpegWithGpsIsStoredWithoutItsMetadata() throws Exception {
        byte[] jpeg = TestImages.jpegWithMetadata();
        String name = "reception-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> response = upload(csrfToken(), "IMG_0042.jpg", jpeg, name);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/staff/images");
        byte[] stored = Files.readAllBytes(images.resolve(name + ".jpg"));
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(TestImages.CAMERA, TestImages.XMP_MARK, TestImages.COMMENT);
        Document library = HttpPages.html(browser.get("/staff/images"));
        assertThat(library.select(".uploaded-markdown").text())
                .isEqualTo("![Describe the picture](/images/" + name + ".jpg)");
        HttpResponse<String> served = browser.get("/images/" + name + ".jpg");
        assertThat(served.statusCode()).isEqualTo(200);
    }

    @Test
    void aPictureOverTheLimitGetsTheSitesOwnPage() throws Exception {
        byte[] large = TestImages.concat(TestImages.plainPng(), new byte[41 * 1024]);

        HttpResponse<String> response = upload(csrfToken(), "big.png", large, "big");

        assertThat(response.statusCode()).isEqualTo(413);
        Document page = HttpPages.html(response);
        assertThat(page.select("h1").text()).isEqualTo("Images");
        assertThat(page.select("#image-file-problem").text()).contains("the largest allowed is 40 KB");
        assertThat(page.select("#image-name").val()).isEqualTo("big");
        assertTheSitesOwnPage(response);
        assertThat(storedNames()).doesNotContain("big.png");
    }

    @Test
    void aBodyFarOverTheLimitIsCutOffWithTheSitesOwnPage() throws Exception {
        byte[] huge = TestImages.concat(TestImages.plainPng(), new byte[512 * 1024]);

        HttpResponse<String> response = upload(csrfToken(), "huge.png", huge, "huge");

        assertThat(response.statusCode()).isEqualTo(413);
        assertTheSitesOwnPage(response);
        assertThat(storedNames()).doesNotContain("huge.png");
    }

    @Test
    void aMultipartPostWithoutTheCsrfTokenIsForbidden() throws Exception {
        HttpResponse<String> response = upload(null, "forged.png", TestImages.plainPng(), "forged");

        assertThat(response.statusCode()).isEqualTo(403);
        assertTheSitesOwnPage(response);
        assertThat(storedNames()).doesNotContain("forged.png");
    }

    @Test
    void staffPagesAreNeverStored() {
        for (String path : List.of("/staff/images", "/staff/content/edit")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).as(path).anySatisfy(value -> assertThat(value)
                    .contains("no-store"));
        }
    }

    /** The site's layout with one heading, and no stack trace or framework's name. */
    private static void assertTheSitesOwnPage(HttpResponse<String> response) {
        Document page = HttpPages.html(response);
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select(".site-footer")).hasSize(1);
        assertThat(response.body())
                .doesNotContain("Exception", "at org.", "at java.", "Whitelabel")
                .doesNotContainPattern("\\b(Spring|Tomcat|Jetty|Jakarta)\\b");
    }

    private String csrfToken() {
        return HttpPages.html(browser.get("/staff/images"))
                .select("form[enctype=multipart/form-data] input[name=_csrf]")
                .val();
    }

    private List<String> storedNames() throws Exception {
        try (Stream<Path> files = Files.list(images)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    /** The form as a browser posts it: the token (when given), the name and the picture, in one multipart body. */
    private HttpResponse<String> upload(String csrf, String fileName, byte[] bytes, String name) {
        String boundary = "----upload" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrf != null) {
            textPart(body, boundary, "_csrf", csrf);
        }
        textPart(body, boundary, "name", name);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(browser.request("/staff/images")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private static void textPart(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
