package com.thrivecenter.clinic.staff.inbox;

import com.thrivecenter.clinic.inquiry.InquiryInbox;
import com.thrivecenter.clinic.inquiry.InquiryStatus;
import com.thrivecenter.clinic.staff.audit.AuditAction;
import com.thrivecenter.clinic.staff.audit.AuditLog;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What staff change on an inquiry, each change and its audit row in one transaction: both are kept, or neither. */
@Service
public class InquiryActions {

    private final InquiryInbox inbox;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    public InquiryActions(InquiryInbox inbox, AuditLog audit, TransactionTemplate transaction) {
        this.inbox = inbox;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Returns the status it had before, or empty when there is no such inquiry. */
    public Optional<InquiryStatus> changeStatus(String actor, String reference, InquiryStatus status) {
        return transaction.execute(transactionStatus -> {
            Optional<InquiryStatus> before = inbox.changeStatus(reference, status);
            before.ifPresent(
                    previous -> audit.record(actor, AuditAction.STATUS_CHANGED, reference, previous + " to " + status));
            return before;
        });
    }

    /**
     * Erases the patient who sent this inquiry (every inquiry with the same email or phone, notes and outbox rows
     * included) and records how many and which references, nothing of what they held. Returns the references.
     */
    public List<String> erasePatient(String actor, String reference) {
        return transaction.execute(status -> {
            List<String> erased = inbox.erasePatient(reference);
            if (!erased.isEmpty()) {
                audit.record(actor, AuditAction.PATIENT_ERASED, reference, ReferenceList.describe(erased));
            }
            return erased;
        });
    }

    /** False when there is no such inquiry. */
    public boolean addNote(String actor, String reference, String note) {
        return transaction.execute(status -> {
            boolean added = inbox.addNote(reference, actor, note);
            if (added) {
                audit.record(actor, AuditAction.NOTE_ADDED, reference, null);
            }
            return added;
        });
    }
}
