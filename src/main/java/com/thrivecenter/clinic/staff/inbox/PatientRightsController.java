package com.thrivecenter.clinic.staff.inbox;

import com.thrivecenter.clinic.inquiry.InquiryDetails;
import com.thrivecenter.clinic.inquiry.InquiryInbox;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's rights over what they sent, for administrators (SecurityConfig): a copy of everything held about
 * them for an access request, and erasure. The patient is whoever sent the inquiry: every inquiry with the same
 * email address or phone number is theirs.
 */
@Controller
public class PatientRightsController {

    private final InquiryInbox inbox;
    private final InquiryActions actions;
    private final PatientDataFile file;
    private final AuditLog audit;

    public PatientRightsController(InquiryInbox inbox, InquiryActions actions, PatientDataFile file, AuditLog audit) {
        this.inbox = inbox;
        this.actions = actions;
        this.file = file;
        this.audit = audit;
    }

    @GetMapping("/staff/inquiries/{reference}/patient-data.json")
    public void export(@PathVariable String reference, Principal staff, HttpServletResponse response)
            throws IOException {
        List<InquiryDetails> records = inbox.patientRecords(reference);
        if (records.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(
                staff.getName(),
                AuditAction.PATIENT_DATA_EXPORTED,
                reference,
                ReferenceList.describe(
                        records.stream().map(InquiryDetails::reference).toList()));
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader("Content-Disposition", "attachment; filename=\"patient-data-" + reference + ".json\"");
        file.write(records, response.getWriter());
    }

    @PostMapping("/staff/inquiries/{reference}/erase")
    public String erase(
            @PathVariable String reference,
            @RequestParam(defaultValue = "") String confirm,
            Principal staff,
            RedirectAttributes redirect) {
        if (!"erase".equals(confirm)) {
            redirect.addFlashAttribute("eraseError", "Tick the box to confirm the erasure.");
            return "redirect:/staff/inquiries/" + reference + "#patient-rights";
        }
        List<String> erased = actions.erasePatient(staff.getName(), reference);
        if (erased.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("done", "Erased " + ReferenceList.describe(erased) + ".");
        return "redirect:/staff";
    }
}
