package com.thrivecenter.clinic.staff.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, with the result of checking its chain, for administrators. */
@Controller
public class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final ChainVerifier verifier;

    public AuditController(AuditLog audit, ChainVerifier verifier) {
        this.audit = audit;
        this.verifier = verifier;
    }

    @GetMapping("/staff/audit")
    public String list(@RequestParam(defaultValue = "0") int page, Model model) {
        long total = audit.count();
        // Past either end, the nearest page: an address never asks the database for what it cannot have.
        int last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, last));
        model.addAttribute("chain", verifier.verify());
        model.addAttribute("events", audit.page(current, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", current < last);
        return "staff/audit";
    }
}
