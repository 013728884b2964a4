package com.thrivecenter.clinic.staff.inbox;

import com.thrivecenter.clinic.inquiry.InquiryDetails;
import com.thrivecenter.clinic.inquiry.InquiryInbox;
import com.thrivecenter.clinic.inquiry.InquiryStatus;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The filtered inbox as a CSV file, for administrators. */
@Controller
public class ExportController {

    private final InquiryInbox inbox;
    private final InboxFilters filters;
    private final InquiryCsv csv;
    private final AuditLog audit;

    ExportController(InquiryInbox inbox, InboxFilters filters, InquiryCsv csv, AuditLog audit) {
        this.inbox = inbox;
        this.filters = filters;
        this.csv = csv;
        this.audit = audit;
    }

    @GetMapping("/staff/inquiries.csv")
    public void export(
            @RequestParam(required = false) InquiryStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Principal staff,
            HttpServletResponse response)
            throws IOException {
        List<InquiryDetails> inquiries = inbox.export(filters.filter(status, q, from, to));
        // The references go with the row, so each inquiry's access report shows this export.
        audit.recordForInquiries(
                staff.getName(),
                AuditAction.INQUIRIES_EXPORTED,
                inquiries.stream().map(InquiryDetails::reference).toList(),
                inquiries.size() + " inquiries" + (status == null ? "" : ", status " + status));
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader("Content-Disposition", "attachment; filename=\"inquiries.csv\"");
        csv.write(inquiries, response.getWriter());
    }
}
