package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.thrivecenter.clinic.content.history.Author;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.content.history.Version;
import com.thrivecenter.clinic.site.HttpPages;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running site makes its content folder a history at start, and a saved version is live within two seconds. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentHistoryIT {

    private static final Path CONTENT = createContentFolder();

    @LocalServerPort
    int port;

    @Autowired
    ContentHistory history;

    private static Path createContentFolder() {
        Path root = TemporaryContent.create("history-content");
        new ContentFiles(root).write("faq.md", page("FAQ", "", "The first answer."));
        return root;
    }

    @AfterAll
    static void removeContentFolder() {
        TemporaryContent.delete(CONTENT);
    }

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) {
        registry.add("clinic.content.dir", CONTENT::toString);
        registry.add("clinic.content.history", () -> "true");
    }

    @Test
    void theFolderBecomesAHistoryAtStartAndASavedVersionGoesLive() {
        assertThat(CONTENT.resolve(".git")).isDirectory();
        assertThat(history.versions("faq.md"))
                .extracting(Version::message)
                .containsExactly("The pages as they were before the editor");

        history.save(
                "faq.md",
                page("Questions and answers", "", "A better answer."),
                new Author("Dana Reyes", "dana@clinic.example"),
                "Clearer title");

        await().atMost(Duration.ofSeconds(2))
                .until(() -> new HttpPages(port).heading("/faq").equals("Questions and answers"));
        assertThat(history.versions("faq.md")).hasSize(2);
        assertThat(history.changedOutsideEditor()).isEmpty();
    }
}
