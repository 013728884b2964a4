package com.thrivecenter.clinic.content;

import static com.thrivecenter.clinic.content.ContentFiles.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content can never take over an address the application answers itself; the contact form's intro says so. */
class ReservedAddressTests {

    @TempDir
    Path root;

    private ContentFiles files;

    @BeforeEach
    void setUp() {
        files = new ContentFiles(root);
        files.write("index.md", page("Home", "", "Welcome"));
    }

    @Test
    void filesInReservedFoldersAreProblemsAndNeverPages() {
        files.write("staff/notes.md", page("Staff notes", "nav:\n  label: Notes\n  order: 1\n", "Internal."));
        files.write("staff/index.md", page("Staff", "", ""));
        files.write("actuator/health.md", page("Health", "", "{\"status\":\"DOWN\"}"));
        files.write("contact/thanks.md", page("Thanks", "", ""));
        files.write("error.md", page("Error", "", ""));
        files.write("images/index.md", page("Images", "", ""));
        files.write("css/site.md", page("CSS", "", ""));

        ContentRepository repository = ContentRepository.forFolder(root);

        for (String slug :
                new String[] {"staff/notes", "staff", "actuator/health", "contact/thanks", "error", "images", "css/site"
                }) {
            assertThat(repository.current().find(new Slug(slug))).as(slug).isEmpty();
            assertThat(repository.current().findIncludingDrafts(new Slug(slug)))
                    .as(slug)
                    .isEmpty();
        }
        assertThat(repository.current().publishedPages()).extracting(Page::url).containsExactly("/");
        assertThat(repository.current().menu()).isEmpty();
        assertThat(repository.current().problems())
                .extracting(ContentProblem::file, ContentProblem::line)
                .containsExactlyInAnyOrder(
                        tuple("staff/notes.md", 1),
                        tuple("staff/index.md", 1),
                        tuple("actuator/health.md", 1),
                        tuple("contact/thanks.md", 1),
                        tuple("error.md", 1),
                        tuple("images/index.md", 1),
                        tuple("css/site.md", 1));
        assertThat(repository.current().problems())
                .filteredOn(problem -> problem.file().equals("staff/notes.md"))
                .singleElement()
                .hasToString("staff/notes.md:1: error: the address /staff/notes belongs to the website itself "
                        + "(/staff and everything under it), so this file is not served; move or rename it");
    }

    @Test
    void theContactFormsIntroIsShownByTheFormNotServedAsAPage() {
        files.write("contact.md", page("Book a consultation", "form: contact\n", "Tell us about yourself."));
        files.write("faq.md", page("FAQ", "", "[Book](/contact)"));

        ContentRepository repository = ContentRepository.forFolder(root);

        assertThat(repository.current().problems()).isEmpty();
        assertThat(repository.current().find(new Slug("contact"))).isEmpty();
        assertThat(repository.current().formIntro(Form.CONTACT))
                .hasValueSatisfying(intro -> assertThat(intro.bodyHtml()).contains("Tell us about yourself."));
        assertThat(repository.current().publishedPages())
                .extracting(Page::url)
                .containsExactly("/", "/contact", "/faq");
    }

    @Test
    void aPageAtAFormsAddressMustSayItIsTheFormsIntro() {
        files.write("contact.md", page("Book a consultation", "", "Tell us about yourself."));

        ContentRepository repository = ContentRepository.forFolder(root);

        assertThat(repository.current().find(new Slug("contact"))).isEmpty();
        assertThat(repository.current().formIntro(Form.CONTACT)).isEmpty();
        assertThat(repository.current().problems())
                .extracting(ContentProblem::toString)
                .containsExactly(
                        "contact.md:2: error: /contact is the contact form; its introduction needs 'form: contact' in the front matter");
    }

    @Test
    void theFormKeyBelongsOnlyAtItsFormsAddressAndNamesAKnownForm() {
        files.write("faq.md", page("FAQ", "form: contact\n", ""));
        files.write("privacy.md", page("Privacy", "form: newsletter\n", ""));
        files.write("contact.md", page("Contact", "draft: false\nform:\n", ""));

        ContentRepository repository = ContentRepository.forFolder(root);

        assertThat(repository.current().find(new Slug("faq"))).isEmpty();
        assertThat(repository.current().find(new Slug("privacy"))).isEmpty();
        assertThat(repository.current().formIntro(Form.CONTACT)).isEmpty();
        assertThat(repository.current().problems())
                .extracting(ContentProblem::toString)
                .containsExactlyInAnyOrder(
                        "faq.md:4: error: 'form: contact' belongs only in the page at /contact; this file is the page /faq",
                        "privacy.md:4: error: unknown form 'newsletter' (allowed: contact)",
                        "contact.md:5: error: unknown form '' (allowed: contact)");
    }

    @Test
    void theReservedListCoversTheApplicationsFoldersAndNothingElse() {
        assertThat(ReservedAddresses.isReserved("/staff")).isTrue();
        assertThat(ReservedAddresses.isReserved("/staff/notes")).isTrue();
        assertThat(ReservedAddresses.isReserved("/actuator/health")).isTrue();
        assertThat(ReservedAddresses.isReserved("/sitemap.xml")).isTrue();
        assertThat(ReservedAddresses.isReserved("/")).isFalse();
        assertThat(ReservedAddresses.isReserved("/staffing")).isFalse();
        assertThat(ReservedAddresses.isReserved("/migraine/staff")).isFalse();
    }
}
