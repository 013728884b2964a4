package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.ContentProblem;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.content.web.PageRenderer;
import com.thrivecenter.clinic.staff.StaffProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * What staff need to look after the pages: each page's state, reviews falling due, errors (a file that is not served
 * as written) apart from warnings (worth fixing, but the page is served), and previews.
 */
@Controller
public class ContentHealthController {

    private final ContentRepository repository;
    private final ContentHistory history;
    private final PageRenderer renderer;
    private final StaffProperties properties;
    private final Clock clock;

    public ContentHealthController(
            ContentRepository repository,
            ContentHistory history,
            PageRenderer renderer,
            StaffProperties properties,
            Clock clock) {
        this.repository = repository;
        this.history = history;
        this.renderer = renderer;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/staff/content")
    public String health(Model model) {
        ContentSnapshot content = repository.current();
        LocalDate reviewDueBefore = LocalDate.now(clock).minus(properties.reviewDue());
        List<PageHealth> pages = content.allPages().stream()
                .map(page -> PageHealth.of(page, reviewDueBefore, content.at()))
                .toList();
        model.addAttribute("pages", pages);
        model.addAttribute(
                "overdue",
                pages.stream()
                        .filter(page -> page.reviewState() != PageHealth.ReviewState.CURRENT)
                        .toList());
        model.addAttribute(
                "errors",
                content.problems().stream().filter(ContentProblem::isError).toList());
        model.addAttribute(
                "warnings",
                content.problems().stream()
                        .filter(problem -> !problem.isError())
                        .toList());
        model.addAttribute("reviewDue", properties.reviewDue());
        model.addAttribute("outsideChanges", history.changedOutsideEditor());
        model.addAttribute("deletedPages", history.deletedPages());
        return "staff/content";
    }

    /** A page as it will look, drafts included, under a clear banner. */
    @GetMapping({"/staff/preview", "/staff/preview/{*slug}"})
    public ResponseEntity<String> preview(@PathVariable(required = false) String slug) {
        String path = slug == null ? "/" : slug;
        ContentSnapshot content = repository.current();
        Page page = Slug.fromRequestPath(path)
                .flatMap(content::findIncludingDrafts)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(renderer.preview(content, page));
    }
}
