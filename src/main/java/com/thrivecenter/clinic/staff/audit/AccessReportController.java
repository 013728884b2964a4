package com.thrivecenter.clinic.staff.audit;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The access report, for administrators: everyone who viewed, changed or exported one inquiry, and when, as the
 * audit log recorded it. Found by reference, so it works for an inquiry that has since been deleted.
 */
@Controller
public class AccessReportController {

    private static final Pattern REFERENCE = Pattern.compile("TCH-[A-Z0-9]{6}");

    private final AuditLog audit;

    public AccessReportController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/staff/audit/access")
    public ModelAndView report(@RequestParam(defaultValue = "") String reference, Model model) {
        String wanted = reference.strip().toUpperCase(Locale.ROOT);
        model.addAttribute("reference", reference.strip());
        if (wanted.isEmpty()) {
            return new ModelAndView("staff/access", model.asMap());
        }
        if (!REFERENCE.matcher(wanted).matches()) {
            model.addAttribute("problem", "Enter a reference like TCH-7K3Q9X.");
            return new ModelAndView("staff/access", model.asMap(), HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("reference", wanted);
        model.addAttribute("events", audit.concerning(wanted));
        return new ModelAndView("staff/access", model.asMap());
    }
}
