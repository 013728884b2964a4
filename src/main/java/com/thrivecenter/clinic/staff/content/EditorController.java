package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.ContentProblem;
import com.thrivecenter.clinic.content.ContentProperties;
import com.thrivecenter.clinic.content.PageLayout;
import com.thrivecenter.clinic.content.PageParser;
import com.thrivecenter.clinic.content.PageSource;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.history.TextDiff;
import com.thrivecenter.clinic.staff.content.PageEditor.Conflict;
import com.thrivecenter.clinic.staff.content.PageEditor.Outcome;
import com.thrivecenter.clinic.staff.content.PageEditor.Refused;
import com.thrivecenter.clinic.staff.content.PageEditor.Saved;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page editor: front matter as fields, the Markdown body, checks with line numbers and a preview of the
 * unsaved text as the public page. It works without JavaScript: Preview and Save are two buttons of one form.
 */
@Controller
public class EditorController {

    /** A problem as staff see it next to the form: where to look (a line of the text, or a field), and what. */
    public record ShownProblem(String where, String href, String message) {}

    /** About what search engines show of a description before cutting it. */
    static final int DESCRIPTION_SHOWN = 160;

    private final PageEditor editor;

    /** How soon a saved page is live: here at once, and on the other instances at their next pull. */
    private final String liveWithin;

    public EditorController(PageEditor editor, ContentProperties content) {
        this.editor = editor;
        this.liveWithin = content.remote().isBlank()
                ? "two seconds"
                : content.pullInterval().plusSeconds(2).toSeconds() + " seconds";
    }

    @GetMapping({"/staff/content/edit", "/staff/content/edit/{*path}"})
    public ModelAndView edit(@PathVariable(required = false) String path) {
        PageForm form = Slug.fromRequestPath(path == null ? "/" : path)
                .flatMap(editor::open)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        form.setAddress(path == null ? "/" : path);
        return page(form, List.of(), Optional.empty(), Optional.empty(), HttpStatus.OK);
    }

    @GetMapping("/staff/content/new")
    public ModelAndView create() {
        return page(new PageForm(), List.of(), Optional.empty(), Optional.empty(), HttpStatus.OK);
    }

    @PostMapping("/staff/content/edit")
    public ModelAndView submit(
            @ModelAttribute("pageForm") PageForm form,
            @RequestParam(defaultValue = "preview") String action,
            Principal staff,
            RedirectAttributes redirect) {
        Optional<String> file = editor.fileFor(form);
        if (file.isEmpty()) {
            return page(
                    form,
                    List.of(new ShownProblem("Address", form.isNew() ? "#address" : "#title", addressProblem(form))),
                    Optional.empty(),
                    Optional.empty(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (!action.equals("save")) {
            PageParser.Result checked = editor.check(file.get(), form);
            return page(
                    form,
                    shown(checked.problems(), form),
                    editor.preview(file.get(), form),
                    Optional.empty(),
                    HttpStatus.OK);
        }
        Outcome outcome = editor.save(staff.getName(), file.get(), form);
        if (outcome instanceof Saved saved) {
            redirect.addFlashAttribute(
                    "done",
                    saved.waiting()
                            ? "Saved on this server, where the page shows within two seconds. The content store cannot"
                                    + " be reached just now: the other servers get this version once it is back"
                                    + " (the Content page says how many versions wait)."
                            : "Saved. The page shows on the website within " + liveWithin
                                    + " (reload it if your browser still shows the old one).");
            return new ModelAndView(
                    "redirect:/staff/content/edit" + (form.getAddress().equals("/") ? "" : form.getAddress()));
        }
        if (outcome instanceof Refused refused) {
            return page(
                    form,
                    shown(refused.problems(), form),
                    Optional.empty(),
                    Optional.empty(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Conflict conflict = (Conflict) outcome;
        // Saving again, after reading what changed, replaces the page with this text on purpose.
        form.setBaseHash(PageText.hash(conflict.currentText()));
        return page(
                form,
                shown(editor.check(file.get(), form).problems(), form),
                Optional.empty(),
                Optional.of(conflict.currentText()),
                HttpStatus.CONFLICT);
    }

    /** For the script that updates the preview as staff type: the page as it would look, or what stops it. */
    @PostMapping(path = "/staff/content/preview", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> livePreview(@ModelAttribute("pageForm") PageForm form) {
        return editor.fileFor(form)
                .flatMap(file -> editor.preview(file, form))
                .map(html ->
                        ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html))
                .orElseGet(() -> ResponseEntity.unprocessableContent().build());
    }

    private static String addressProblem(PageForm form) {
        return form.isNew()
                ? "Give the page a free address such as /migraine/first-visit: lower-case letters, digits and hyphens"
                : "This page no longer exists; copy your text and start a new page";
    }

    /** Lines of the body counted as staff see them in the text box; anything above it is in the fields. */
    private static List<ShownProblem> shown(List<ContentProblem> problems, PageForm form) {
        int bodyFirstLine =
                PageSource.split(PageText.compose(form)).orElseThrow().bodyFirstLine();
        return problems.stream()
                .map(problem -> problem.line() >= bodyFirstLine
                        ? new ShownProblem(
                                "Text, line " + (problem.line() - bodyFirstLine + 1), "#body", problem.message())
                        : new ShownProblem("Page settings", "#title", problem.message()))
                .toList();
    }

    private ModelAndView page(
            PageForm form,
            List<ShownProblem> problems,
            Optional<String> preview,
            Optional<String> conflict,
            HttpStatus status) {
        // What changed, read as "the page as it is now" turned into "your text".
        List<TextDiff.Line> conflictDiff = conflict.map(current -> TextDiff.of(current, PageText.compose(form)))
                .orElse(List.of());
        form.offerBlankSourceRows();
        return new ModelAndView(
                "staff/editor",
                Map.of(
                        "pageForm", form,
                        "problems", problems,
                        "preview", preview,
                        "conflict", conflict,
                        "conflictDiff", conflictDiff,
                        "descriptionShown", DESCRIPTION_SHOWN,
                        "layouts", PageLayout.values()),
                status);
    }
}
