package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.ContentProblem;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.content.web.PageRenderer;
import com.thrivecenter.clinic.staff.StaffProperties;
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
 * What staff need to look after the pages: each page's state, pages awaiting a clinician's review, reviews falling
 * due, errors (a file that is not served
 * as written) apart from warnings (worth fixing, but the page is served), and previews.
 */
@Controller
public class ContentHealthController {

    private final ContentRepository repository;
    private final ContentHistory history;
    private final PageRenderer renderer;
    private final PageReviews reviews;
    private final StaffProperties properties;

    public ContentHealthController(
            ContentRepository repository,
            ContentHistory history,
            PageRenderer renderer,
            PageReviews reviews,
            StaffProperties properties) {
        this.repository = repository;
        this.history = history;
        this.renderer = renderer;
        this.reviews = reviews;
        this.properties = properties;
    }

    @GetMapping("/staff/content")
    public String health(Model model) {
        ContentSnapshot content = repository.current();
        List<PageHealth> pages = reviews.of(content).stream()
                .map(page -> PageHealth.of(page, content.at()))
                .toList();
        model.addAttribute("pages", pages);
        model.addAttribute("awaitingReview", inState(pages, PageReviews.State.CHANGED));
        model.addAttribute("fallingDue", inState(pages, PageReviews.State.FALLING_DUE));
        model.addAttribute("notReviewed", inState(pages, PageReviews.State.NEVER));
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
        model.addAttribute("replication", history.replication());
        return "staff/content";
    }

    private static List<PageHealth> inState(List<PageHealth> pages, PageReviews.State state) {
        return pages.stream().filter(page -> page.reviewState() == state).toList();
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
