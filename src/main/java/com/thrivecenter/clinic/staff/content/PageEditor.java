package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.ContentProblem;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.PageParser;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.history.Author;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.content.history.PageChangedException;
import com.thrivecenter.clinic.content.history.Version;
import com.thrivecenter.clinic.content.web.PageRenderer;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Opens a page in the editor, previews unsaved text exactly as the public page will look, and saves it: checked
 * first (front-matter errors block, warnings do not), and refused when the file changed since the editor opened it.
 */
@Service
public class PageEditor {

    /** What became of a save. */
    public sealed interface Outcome {}

    /**
     * Saved as this file; live once the content reloads. {@code waiting}: the content store could not be reached,
     * so the other instances get it once it answers again.
     */
    public record Saved(String file, boolean waiting) implements Outcome {}

    /** Not saved: the text has errors (shown with their lines). */
    public record Refused(List<ContentProblem> problems) implements Outcome {}

    /** Not saved: someone (or something on disk) changed the page since it was opened; here is what it is now. */
    public record Conflict(String currentText) implements Outcome {}

    private final ContentRepository content;
    private final ContentHistory history;
    private final PageRenderer renderer;
    private final AuditLog audit;
    private final Object saving = new Object();

    public PageEditor(ContentRepository content, ContentHistory history, PageRenderer renderer, AuditLog audit) {
        this.content = content;
        this.history = history;
        this.renderer = renderer;
        this.audit = audit;
    }

    /**
     * The form for the page at this address, drafts included, as its file reads now. With several instances, the
     * other instances' saves are taken first: staff sent here by the load balancer right after saving elsewhere
     * see their own text, not this instance's older copy.
     */
    public Optional<PageForm> open(Slug slug) {
        history.pull();
        return content.current().findIncludingDrafts(slug).map(page -> {
            String text = read(page.file()).orElse("");
            return PageText.toForm(
                    page.file(), text, content.check(page.file(), text).page().map(Page::meta));
        });
    }

    /**
     * The file a form saves to: the file of one of the pages (never a path the form made up), or for a new page the
     * one its address names, when no page has that address yet.
     */
    public Optional<String> fileFor(PageForm form) {
        if (!form.isNew()) {
            return content.current().allPages().stream()
                    .map(Page::file)
                    .filter(form.getFile()::equals)
                    .findFirst();
        }
        return freeFile(form.getAddress());
    }

    /** The file for a page at this address, when no page is there yet. */
    private Optional<String> freeFile(String address) {
        return Slug.fromRequestPath(address)
                .filter(slug -> content.current().findIncludingDrafts(slug).isEmpty())
                .map(slug -> slug.isHome() ? "index.md" : slug.value() + ".md");
    }

    /** The address a saved page has now, when the form asks for another one: a move. */
    private Optional<Page> movedFrom(String file, PageForm form) {
        return content.current().allPages().stream()
                .filter(page -> page.file().equals(file) && !page.url().equals(form.getAddress()))
                .findFirst();
    }

    /** What the text would be as a page: its problems, and the page itself when it is one. */
    public PageParser.Result check(String file, PageForm form) {
        return content.check(file, PageText.compose(form));
    }

    /** The unsaved text as the public page, through the real layout, marked as a preview. */
    public Optional<String> preview(String file, PageForm form) {
        ContentSnapshot current = content.current();
        return check(file, form).page().map(page -> renderer.preview(current, page));
    }

    public Outcome save(String actor, String file, PageForm form) {
        Optional<Page> moving = movedFrom(file, form);
        Optional<String> destination = moving.flatMap(page -> freeFile(form.getAddress()));
        if (moving.isPresent()) {
            if (destination.isEmpty()) {
                return new Refused(List.of(new ContentProblem(
                        file,
                        1,
                        "the new address " + form.getAddress() + " is taken or not an address; pick a free one like"
                                + " /migraine/first-visit")));
            }
            // The old address keeps answering, with a permanent redirect to the new one.
            form.getAliases().add(moving.get().url());
        }
        String text = PageText.compose(form);
        PageParser.Result checked = content.check(file, text);
        if (checked.page().isEmpty()) {
            return new Refused(checked.problems());
        }
        // The history checks the base under its own lock, after catching up with the other instances' saves.
        Predicate<Optional<String>> unchanged =
                current -> current.map(PageText::hash).orElse("").equals(form.getBaseHash());
        String message =
                form.getMessage().isBlank() ? "Edited " + form.getTitle().strip() : form.getMessage();
        Author author = new Author(actor, actor);
        try {
            synchronized (saving) {
                if (destination.isPresent()) {
                    Version version = history.move(file, destination.get(), text, author, message, unchanged);
                    audit.record(
                            actor,
                            AuditAction.PAGE_MOVED,
                            file + " to " + destination.get(),
                            "version " + version.id());
                } else {
                    Version version = history.save(file, text, author, message, unchanged);
                    audit.record(actor, AuditAction.PAGE_SAVED, file, "version " + version.id() + ": " + message);
                }
            }
        } catch (PageChangedException changed) {
            return new Conflict(changed.currentText());
        }
        // The pages are reloaded already: the history announces every version it records (ChangeDates.Recorded).
        boolean waiting =
                history.replication().filter(store -> store.waiting() > 0).isPresent();
        return new Saved(file, waiting);
    }

    private Optional<String> read(String file) {
        Path path = content.root().resolve(file);
        try {
            return Files.exists(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
