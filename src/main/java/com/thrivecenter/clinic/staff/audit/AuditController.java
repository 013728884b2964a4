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
        int current = Math.max(page, 0);
        long total = audit.count();
        model.addAttribute("events", audit.page(current, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
        return "staff/audit";
    }
}
