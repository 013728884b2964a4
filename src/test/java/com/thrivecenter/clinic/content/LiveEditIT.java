package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.thrivecenter.clinic.site.HttpPages;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A staff edit on disk shows on the running site within two seconds; a broken one never takes a page down. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveEditIT {

    private static final Path CONTENT = createContentFolder();
    private static final Duration LIVE_EDIT_LIMIT = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    private static Path createContentFolder() {
        Path root = TemporaryContent.create("live-edit-content");
        new ContentFiles(root).write("faq.md", page("FAQ", "", "The first answer."));
        new ContentFiles(root).write("privacy.md", page("Privacy", "", "Kept private."));
        return root;
    }

    @AfterAll
    static void removeContentFolder() {
        TemporaryContent.delete(CONTENT);
    }

    @DynamicPropertySource
    static void contentFolder(DynamicPropertyRegistry registry) {
        registry.add("clinic.content.dir", CONTENT::toString);
    }

    @Test
    void editsNewFilesBrokenEditsAndDeletionsShowWithoutARestart() {
        ContentFiles files = new ContentFiles(CONTENT);
        assertThat(new HttpPages(port).heading("/faq")).isEqualTo("FAQ");

        files.write("faq.md", page("Questions and answers", "", "A better answer."));
        await().atMost(LIVE_EDIT_LIMIT)
                .until(() -> new HttpPages(port).heading("/faq").equals("Questions and answers"));

        files.write("conditions/crps.md", page("CRPS", "", "New page."));
        await().atMost(LIVE_EDIT_LIMIT)
                .until(() -> new HttpPages(port).heading("/conditions/crps").equals("CRPS"));

        files.write("faq.md", "---\ntitle: Broken\n  description: bad indent\n---\n");
        files.write("privacy.md", page("Privacy notice", "", "Still fine."));
        await().atMost(LIVE_EDIT_LIMIT)
                .until(() -> new HttpPages(port).heading("/privacy").equals("Privacy notice"));
        assertThat(new HttpPages(port).heading("/faq")).isEqualTo("Questions and answers");

        files.delete("conditions/crps.md");
        await().atMost(LIVE_EDIT_LIMIT)
                .until(() -> new HttpPages(port).heading("/conditions/crps").equals("HTTP 404"));
    }
}
