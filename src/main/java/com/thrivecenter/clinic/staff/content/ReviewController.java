package com.thrivecenter.clinic.staff.content;

import com.thrivecenter.clinic.content.Approvals.Approval;
import com.thrivecenter.clinic.content.ContentRepository;
import com.thrivecenter.clinic.content.Page;
import com.thrivecenter.clinic.content.history.Author;
import com.thrivecenter.clinic.content.history.ContentHistory;
import com.thrivecenter.clinic.content.history.TextDiff;
import com.thrivecenter.clinic.content.history.Version;
import com.thrivecenter.clinic.staff.account.StaffAccount;
import com.thrivecenter.clinic.staff.account.StaffAccountRepository;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A clinician's sign-off of a page: what changed since its last approval (the whole text if it was never approved),
 * and Approve, which records the approval as a version in the page's history. Every member of staff may read the
 * changes; only a clinician may approve (see SecurityConfig).
 */
@Controller
public class ReviewController {

    private final ContentHistory history;
    private final ContentRepository content;
    private final AuditLog audit;
    private final StaffAccountRepository accounts;

    public ReviewController(
            ContentHistory history, ContentRepository content, AuditLog audit, StaffAccountRepository accounts) {
        this.history = history;
        this.content = content;
        this.audit = audit;
        this.accounts = accounts;
    }

    @GetMapping("/staff/content/review")
    public ModelAndView review(@RequestParam String file, HttpServletRequest request) {
        Page page = page(file);
        Version version = history.lastChange(file).orElseThrow(ReviewController::notFound);
        Optional<Approval> approval = history.lastApproval(file);
        String text = history.textAt(file, version.id()).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("file", file);
        model.put("page", page);
        model.put("version", version);
        model.put("approval", approval);
        model.put(
                "unchanged", approval.filter(approved -> approved.covers(text)).isPresent());
        model.put("lines", TextDiff.of(approval.map(Approval::text).orElse(""), text));
        model.put("outsideChange", history.changedOutsideEditor().contains(file));
        model.put("clinician", request.isUserInRole("CLINICIAN"));
        return new ModelAndView("staff/review", model);
    }

    @PostMapping("/staff/content/review")
    public String approve(
            @RequestParam String file, @RequestParam String version, Principal clinician, RedirectAttributes redirect) {
        page(file);
        Optional<String> name = accounts.findByEmail(clinician.getName()).flatMap(StaffAccount::displayName);
        if (name.isEmpty()) {
            // The approval names its clinician on a public page: by the name they go by there, never their email.
            redirect.addFlashAttribute(
                    "problem",
                    "Not approved yet: pages name the clinician who approved them, and your account has no name for"
                            + " pages. Ask an administrator to set it under Accounts, then approve.");
            return "redirect:/staff/content/review?file=" + file;
        }
        history.approve(file, version, new Author(name.get(), clinician.getName()))
                .ifPresentOrElse(
                        approval -> {
                            audit.record(
                                    clinician.getName(), AuditAction.PAGE_APPROVED, file, "version " + approval.id());
                            redirect.addFlashAttribute(
                                    "done",
                                    "Approved. The page now says it was medically reviewed by you today, until its"
                                            + " text changes.");
                        },
                        () -> redirect.addFlashAttribute(
                                "problem",
                                "Not approved: the page changed while you were reading it. Read what changed below"
                                        + " and approve again."));
        return "redirect:/staff/content/review?file=" + file;
    }

    /** One of the pages (drafts included), by its file: no other path reaches the history. */
    private Page page(String file) {
        return content.current().allPages().stream()
                .filter(page -> page.file().equals(file))
                .findFirst()
                .orElseThrow(ReviewController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
