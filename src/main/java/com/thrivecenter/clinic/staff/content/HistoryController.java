package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.history.Author;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.content.history.TextDiff;
import com.thrivecenter.clinic.content.history.Version;
import com.thrivecenter.clinic.content.web.PageRenderer;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's history: every version (who, when, why), any version shown as the page, two versions compared line by
 * line, and undo by restoring a version, which is itself a new version. Deleting a page is a version too.
 */
@Controller
public class HistoryController {

    private final ContentHistory history;
    private final ContentRepository content;
    private final PageRenderer renderer;
    private final AuditLog audit;

    public HistoryController(ContentHistory history, ContentRepository content, PageRenderer renderer, AuditLog audit) {
        this.history = history;
        this.content = content;
        this.renderer = renderer;
        this.audit = audit;
    }

    @GetMapping("/staff/content/history")
    public ModelAndView versions(@RequestParam String file) {
        List<Version> versions = history.versions(pageFile(file));
        if (versions.isEmpty()) {
            throw notFound();
        }
        return new ModelAndView("staff/history", Map.of("file", file, "versions", versions));
    }

    /** A version as the page it was, through today's layout, marked as a preview. */
    @GetMapping(path = "/staff/content/history/version", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> version(@RequestParam String file, @RequestParam String version) {
        String text = history.textAt(file, versionNamed(pageFile(file), version).id())
                .orElseThrow(HistoryController::notFound);
        Page page = content.check(file, text).page().orElseThrow(HistoryController::notFound);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(renderer.preview(content.current(), page));
    }

    @GetMapping("/staff/content/history/compare")
    public ModelAndView compare(@RequestParam String file, @RequestParam String from, @RequestParam String to) {
        // Only versions of this page: no other revision expression reaches the repository.
        Version older = versionNamed(pageFile(file), from);
        Version newer = versionNamed(file, to);
        String before = history.textAt(file, older.id()).orElse("");
        String after = history.textAt(file, newer.id()).orElse("");
        return new ModelAndView(
                "staff/compare", Map.of("file", file, "from", older, "to", newer, "lines", TextDiff.of(before, after)));
    }

    @PostMapping("/staff/content/history/restore")
    public String restore(
            @RequestParam String file, @RequestParam String version, Principal staff, RedirectAttributes redirect) {
        versionNamed(pageFile(file), version);
        Version restored = history.restore(file, version, author(staff));
        audit.record(staff.getName(), AuditAction.PAGE_RESTORED, file, restored.id());
        redirect.addFlashAttribute(
                "done",
                "Restored. The page shows that version on the website within two seconds (reload it if your"
                        + " browser still shows the old one).");
        return "redirect:/staff/content/history?file=" + file;
    }

    /** Files changed on disk outside the editor become one version, so their history is complete. */
    @PostMapping("/staff/content/record")
    public String recordOutsideChanges(Principal staff, RedirectAttributes redirect) {
        history.recordOutsideChanges(author(staff))
                .ifPresentOrElse(
                        version -> {
                            audit.record(
                                    staff.getName(), AuditAction.OUTSIDE_CHANGES_RECORDED, "content", version.id());
                            redirect.addFlashAttribute(
                                    "done", "Recorded: those changes are now a version in each page's history.");
                        },
                        () -> redirect.addFlashAttribute(
                                "done", "Nothing to record: every file is as its last version."));
        return "redirect:/staff/content";
    }

    @PostMapping("/staff/content/delete")
    public String delete(@RequestParam String file, Principal staff, RedirectAttributes redirect) {
        boolean isPage = content.current().allPages().stream().map(Page::file).anyMatch(file::equals);
        if (!isPage) {
            throw notFound();
        }
        Version deleted = history.delete(file, author(staff), "Deleted the page");
        audit.record(staff.getName(), AuditAction.PAGE_DELETED, file, deleted.id());
        redirect.addFlashAttribute(
                "done", "Deleted. Its history below keeps every version; restore one to bring it back.");
        return "redirect:/staff/content/history?file=" + file;
    }

    private Version versionNamed(String file, String id) {
        return history.versions(file).stream()
                .filter(version -> version.id().equals(id))
                .findFirst()
                .orElseThrow(HistoryController::notFound);
    }

    /** Only the name of a page file: a made-up path is no page, so it has no history to show. */
    private static String pageFile(String file) {
        if (file.contains("..") || Slug.fromFile(Path.of(file)).isEmpty()) {
            throw notFound();
        }
        return file;
    }

    private static Author author(Principal staff) {
        return new Author(staff.getName(), staff.getName());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
