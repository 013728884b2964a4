package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCheckTests {

    @TempDir
    Path root;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int check(Path folder) {
        return ContentCheck.run(folder, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theProjectsOwnContentPasses() {
        assertThat(check(Path.of("content"))).as(printed()).isZero();
        assertThat(printed()).contains("0 error(s)").doesNotContain("promises a result", "off-label", "needs a source");
    }

    @Test
    void warningsArePrintedAsSuchAndAloneDoNotFailTheCheck() {
        ContentFiles files = new ContentFiles(root);
        files.write("index.md", page("Home", "", "Relief for everyone.\n\nOur treatment is risk-free."));

        assertThat(check(root)).as(printed()).isZero();
        assertThat(printed().lines().toList())
                .containsExactly(
                        root.resolve("index.md") + ":7: warning: 'risk-free' promises a result; say what treatment"
                                + " may do and that results vary from person to person",
                        "1 pages checked in " + root + ": 0 error(s), 1 warning(s)");
    }

    @Test
    void oneErrorAmongWarningsFailsTheCheck() {
        ContentFiles files = new ContentFiles(root);
        files.write("index.md", page("Home", "", "Our treatment is risk-free."));
        files.write("faq.md", "---\ntitle: FAQ\n---\n");

        assertThat(check(root)).isEqualTo(1);
        assertThat(printed())
                .contains(root.resolve("faq.md") + ":2: error: missing required key 'description'")
                .contains(root.resolve("index.md") + ":5: warning: 'risk-free'")
                .contains(": 1 error(s), 1 warning(s)");
    }

    @Test
    void soundContentPasses() {
        ContentFiles files = new ContentFiles(root);
        files.write("index.md", page("Home", "", "See [the FAQ](/faq#costs) and ![a photo](/images/clinic.jpg)."));
        files.write("faq.md", page("FAQ", "", "## Costs"));
        files.write("images/clinic.jpg", "not really a picture");

        assertThat(check(root)).as(printed()).isZero();
    }

    @Test
    void everyKindOfProblemIsFoundWithFileAndLineAndFailsTheCheck() {
        ContentFiles files = new ContentFiles(root);
        files.write(
                "index.md",
                page(
                        "Home",
                        "",
                        "Line one.\n\n[missing](/nowhere) and [hidden](/secret)\n\n![gone](/images/gone.png)"));
        files.write("secret.md", page("Secret", "draft: true\n", ""));
        files.write("broken.md", "---\ntitle: [unclosed\n---\n");
        files.write("untitled.md", "---\ndescription: No title.\n---\n");
        files.write("extra.md", "---\ntitle: Extra\ndescription: Extra key.\ncolour: blue\n---\n");
        files.write("Bad Name.md", page("Bad", "", ""));
        files.write("staff/notes.md", page("Staff notes", "", "Internal."));
        files.write("contact.md", page("Contact", "", "Intro."));

        assertThat(check(root)).isEqualTo(1);

        assertThat(printed().lines().toList())
                .contains(
                        root.resolve("index.md") + ":7: warning: the link to /nowhere goes to no published page",
                        root.resolve("index.md") + ":7: warning: the link to /secret goes to no published page",
                        root.resolve("index.md")
                                + ":9: warning: the image /images/gone.png is not in the content folder's images folder",
                        root.resolve("untitled.md") + ":2: error: missing required key 'title'",
                        root.resolve("extra.md")
                                + ":4: error: unknown key 'colour' (allowed: title, description, nav, draft, publish, expires, aliases, sources, form, layout, credentials, role, photo, photo-alt)",
                        root.resolve("staff/notes.md")
                                + ":1: error: the address /staff/notes belongs to the website itself "
                                + "(/staff and everything under it), so this file is not served; move or rename it",
                        root.resolve("contact.md")
                                + ":2: error: /contact is the contact form; its introduction needs 'form: contact' in the front matter",
                        root.resolve("broken.md")
                                + ":2: error: the [ opened here is never closed; if the value is text, put quotes around it");
        assertThat(printed()).contains(root.resolve("Bad Name.md") + ":1: error: file and folder names");
    }

    @Test
    void anEmptyOrMissingFolderFailsTheCheck() {
        assertThat(check(root.resolve("missing"))).isEqualTo(1);
    }

    @Test
    void theFolderComesFromTheArgumentThenTheEnvironment() {
        assertThat(ContentCheck.folder(
                        new String[] {"--check-content", "--clinic.content.dir=site/pages"}, "env/pages"))
                .isEqualTo(Path.of("site/pages"));
        assertThat(ContentCheck.folder(new String[] {"--check-content"}, "env/pages"))
                .isEqualTo(Path.of("env/pages"));
        assertThat(ContentCheck.folder(new String[] {"--check-content"}, null)).isEqualTo(Path.of("content"));
    }
}
