package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.Slug;
import com.thrivecenter.clinic.staff.StaffProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** What staff need to look after the pages: each page's state, reviews falling due, problems, and previews. */
@Controller
public class ContentHealthController {

    private final ContentRepository content;
    private final StaffProperties properties;
    private final Clock clock;

    public ContentHealthController(ContentRepository content, StaffProperties properties, Clock clock) {
        this.content = content;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/staff/content")
    public String health(Model model) {
        LocalDate reviewDueBefore = LocalDate.now(clock).minus(properties.reviewDue());
        List<PageHealth> pages = content.allPages().stream().map(page -> PageHealth.of(page, reviewDueBefore)).toList();
        model.addAttribute("pages", pages);
        model.addAttribute("overdue", pages.stream().filter(page -> page.reviewState() != PageHealth.ReviewState.CURRENT).toList());
        model.addAttribute("problems", content.problems());
        model.addAttribute("reviewDue", properties.reviewDue());
        return "staff/content";
    }

    /** A page as it will look, drafts included, under a clear banner. */
    @GetMapping({"/staff/preview", "/staff/preview/{*slug}"})
    public String preview(@PathVariable(required = false) String slug, Model model) {
        String path = slug == null ? "/" : slug;
        Page page = Slug.fromRequestPath(path).flatMap(content::findIncludingDrafts)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", page);
        model.addAttribute("breadcrumbs", content.breadcrumbs(page));
        model.addAttribute("preview", true);
        return "page";
    }
}
