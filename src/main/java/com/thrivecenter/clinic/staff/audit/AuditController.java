package com.thrivecenter.clinic.staff.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, for administrators. */
@Controller
public class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/staff/audit")
    public String list(@RequestParam(defaultValue = "0") int page, Model model) {
        long total = audit.count();
        // Past either end, the nearest page: an address never asks the database for what it cannot have.
        int last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, last));
        model.addAttribute("events", audit.page(current, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", current < last);
        return "staff/audit";
    }
}
