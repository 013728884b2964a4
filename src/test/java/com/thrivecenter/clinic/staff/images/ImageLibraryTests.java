package com.thrivecenter.clinic.staff.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.staff.StaffSession;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The picture library page: uploads refused and stored, and where each picture is used. */
@SpringBootTest(
        properties = {
            "clinic.staff.admin-email=" + ImageLibraryTests.ADMIN,
            "clinic.staff.admin-password=first-admin-password",
            "clinic.images.max-size=40KB"
        })
@AutoConfigureMockMvc
class ImageLibraryTests {

    static final String ADMIN = "first.admin@clinic.example";
    static final String STAFF = "staff@clinic.example";
    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path content;

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) throws Exception {
        Files.writeString(
                content.resolve("index.md"),
                "---\ntitle: Home\ndescription: The clinic.\n---\n# Home\n\n![Our team](/images/used.png)\n\n"
                        + "![Gone](/images/gone.jpg)\n");
        registry.add("clinic.content.dir", content::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContentHistory history;

    @Autowired
    AccountService accounts;

    @Autowired
    ContentRepository repository;

    Path images;
    StaffSession staff;

    @BeforeEach
    void signIn() throws Exception {
        jdbc.sql("DELETE FROM audit_event").update();
        jdbc.sql("DELETE FROM staff_account WHERE email <> :admin")
                .param("admin", ADMIN)
                .update();
        images = content.resolve("images");
        if (Files.isDirectory(images)) {
            try (Stream<Path> files = Files.list(images)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(images);
        Files.write(images.resolve("used.png"), TestImages.plainPng());
        Files.write(images.resolve("spare.png"), TestImages.plainPng());
        repository.reload();
        accounts.create(ADMIN, STAFF, PASSWORD, Role.STAFF);
        staff = StaffSession.signIn(mvc, STAFF, PASSWORD);
    }

    @Test
    void theLibraryListsUsedUnusedAndMissingPictures() throws Exception {
        Document page = staff.page("/staff/images");

        Map<String, String> usedOn = new HashMap<>();
        page.select("table.image-library tbody tr")
                .forEach(row -> usedOn.put(row.child(0).text(), row.child(2).text()));
        assertThat(usedOn).containsOnlyKeys("spare.png", "used.png");
        assertThat(usedOn.get("used.png")).isEqualTo("Home");
        assertThat(usedOn.get("spare.png")).isEqualTo("Not used on any page");
        assertThat(page.select("table.image-library code").eachText())
                .contains("![Describe the picture](/images/used.png)");
        assertThat(page.select(".missing-images li").eachText()).containsExactly("/images/gone.jpg, on Home");
        assertThat(page.select(".staff-bar a[aria-current=page]").text()).isEqualTo("Images");
    }

    @Test
    void anUploadIsStoredWithoutItsMetadataUnderACleanNameAndAudited() throws Exception {
        byte[] jpeg = TestImages.jpegWithMetadata();
        MvcResult result = staff.upload("/staff/images", file("IMG_0001.jpg", jpeg), "name", "Front Desk!");

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        byte[] stored = Files.readAllBytes(images.resolve("front-desk.jpg"));
        assertThat(stored.length).isLessThan(jpeg.length);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "SecretCam");
        Document next = staff.follow(result);
        assertThat(next.select(".uploaded-markdown").text())
                .isEqualTo("![Describe the picture](/images/front-desk.jpg)");
        String version = history.versions("images/front-desk.jpg").get(0).id();
        assertThat(jdbc.sql("SELECT action, target, detail FROM audit_event WHERE action = 'IMAGE_UPLOADED'")
                        .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list())
                .containsExactly(
                        List.of("IMAGE_UPLOADED", "front-desk.jpg", stored.length + " bytes, version " + version));

        staff.upload("/staff/images", file("again.jpg", jpeg), "name", "front desk");
        assertThat(images.resolve("front-desk-2.jpg")).exists();
        assertThat(Files.readAllBytes(images.resolve("front-desk.jpg"))).isEqualTo(stored);
    }

    @Test
    void htmlNamedPngIsRefusedOnTheFormWithTheNameKept() throws Exception {
        MvcResult result = staff.upload(
                "/staff/images",
                file("photo.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                "name",
                "My photo");

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#image-file-problem").text()).contains("not a PNG, JPEG or WebP picture");
        assertThat(page.select("#image-file").attr("aria-describedby")).contains("image-file-problem");
        assertThat(page.select("#image-name").val()).isEqualTo("My photo");
        assertThat(page.select("h1").text()).isEqualTo("Images");
        assertNothingStoredBeyondTheFixture();
    }

    @Test
    void svgIsRefused() throws Exception {
        MvcResult result = staff.upload(
                "/staff/images",
                file("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)),
                "name",
                "logo");

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertNothingStoredBeyondTheFixture();
    }

    @Test
    void aPictureOverTheLimitIsRefused() throws Exception {
        byte[] large = TestImages.concat(TestImages.plainPng(), new byte[41 * 1024]);
        MvcResult result = staff.upload("/staff/images", file("big.png", large), "name", "big");

        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(Jsoup.parse(result.getResponse().getContentAsString())
                        .select("#image-file-problem")
                        .text())
                .contains("the largest allowed is 40 KB");
        assertNothingStoredBeyondTheFixture();
    }

    @Test
    void uploadsNeedCsrfAndSignIn() throws Exception {
        byte[] png = TestImages.plainPng();
        assertThat(staff.uploadWithoutCsrf("/staff/images", file("x.png", png), "name", "forged")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.get().uri("/staff/images"))
                .hasStatus(302)
                .redirectedUrl()
                .endsWith("/staff/login");
        assertNothingStoredBeyondTheFixture();
    }

    private void assertNothingStoredBeyondTheFixture() throws Exception {
        try (Stream<Path> files = Files.list(images)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("used.png", "spare.png");
        }
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "image/png", bytes);
    }
}
