package com.thrivecenter.clinic.staff.inbox;

import com.thrivecenter.clinic.inquiry.InquiryDetails;
import com.thrivecenter.clinic.inquiry.InquiryFilter;
import com.thrivecenter.clinic.inquiry.InquiryInbox;
import com.thrivecenter.clinic.inquiry.InquiryStatus;
import com.thrivecenter.clinic.inquiry.InquirySummary;
import com.thrivecenter.clinic.inquiry.ResultPage;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inquiry inbox: the list, one inquiry in full, its status and its internal notes. */
@Controller
public class InboxController {

    static final int PAGE_SIZE = 25;
    private static final int MAX_NOTE_LENGTH = 2000;

    private final InquiryInbox inbox;
    private final InboxFilters filters;
    private final InquiryActions actions;
    private final AuditLog audit;

    InboxController(InquiryInbox inbox, InboxFilters filters, InquiryActions actions, AuditLog audit) {
        this.inbox = inbox;
        this.filters = filters;
        this.actions = actions;
        this.audit = audit;
    }

    @GetMapping("/staff")
    public String list(
            @RequestParam(required = false) InquiryStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        InquiryFilter filter = filters.filter(status, q, from, to);
        // Past either end, the nearest page; a page number is kept small enough that its offset is a number too.
        ResultPage<InquirySummary> results =
                inbox.search(filter, Math.max(0, Math.min(page, Integer.MAX_VALUE / PAGE_SIZE)), PAGE_SIZE);
        if (results.page() >= results.pages()) {
            results = inbox.search(filter, results.pages() - 1, PAGE_SIZE);
        }
        model.addAttribute("results", results);
        model.addAttribute("status", status);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("statuses", InquiryStatus.values());
        return "staff/inbox";
    }

    @GetMapping("/staff/inquiries/{reference}")
    public String show(@PathVariable String reference, Principal staff, Model model) {
        InquiryDetails inquiry = inbox.find(reference).orElseThrow(InboxController::notFound);
        audit.record(staff.getName(), AuditAction.INQUIRY_VIEWED, reference, null);
        model.addAttribute("inquiry", inquiry);
        model.addAttribute("statuses", InquiryStatus.values());
        return "staff/inquiry";
    }

    @PostMapping("/staff/inquiries/{reference}/status")
    public String changeStatus(
            @PathVariable String reference,
            @RequestParam InquiryStatus status,
            Principal staff,
            RedirectAttributes redirect) {
        actions.changeStatus(staff.getName(), reference, status).orElseThrow(InboxController::notFound);
        redirect.addFlashAttribute("done", "Status changed to " + status.label() + ".");
        return "redirect:/staff/inquiries/" + reference;
    }

    @PostMapping("/staff/inquiries/{reference}/notes")
    public String addNote(
            @PathVariable String reference,
            @RequestParam(defaultValue = "") String note,
            Principal staff,
            RedirectAttributes redirect) {
        if (note.isBlank() || note.length() > MAX_NOTE_LENGTH) {
            redirect.addFlashAttribute("noteError", "Write a note of 1 to 2,000 characters.");
            redirect.addFlashAttribute("note", note);
        } else if (actions.addNote(staff.getName(), reference, note)) {
            redirect.addFlashAttribute("done", "Note added.");
        } else {
            throw notFound();
        }
        return "redirect:/staff/inquiries/" + reference + "#notes";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
