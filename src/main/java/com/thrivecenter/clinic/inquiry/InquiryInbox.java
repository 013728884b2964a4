package com.thrivecenter.clinic.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the staff area does with inquiries: find, read, move along the status workflow, annotate, delete. */
@Service
public class InquiryInbox {

    private final InquiryRepository inquiries;
    private final Clock clock;

    public InquiryInbox(InquiryRepository inquiries, Clock clock) {
        this.inquiries = inquiries;
        this.clock = clock;
    }

    /** Newest first. */
    public ResultPage<InquirySummary> search(InquiryFilter filter, int page, int size) {
        return new ResultPage<>(inquiries.search(filter, page * size, size), page, size, inquiries.count(filter));
    }

    /** Every inquiry the filter matches, newest first, in full: for export. */
    public List<InquiryDetails> export(InquiryFilter filter) {
        return inquiries.searchDetails(filter);
    }

    public Optional<InquiryDetails> find(String reference) {
        return inquiries.findDetails(reference);
    }

    /** Returns the status it had before, or empty when there is no such inquiry. */
    public Optional<InquiryStatus> changeStatus(String reference, InquiryStatus status) {
        Optional<InquiryStatus> before = inquiries.findStatus(reference);
        before.ifPresent(previous -> inquiries.updateStatus(reference, status));
        return before;
    }

    /** Call in a transaction: the note is added, then its text sealed under its row's id. */
    public boolean addNote(String reference, String author, String body) {
        return inquiries.insertNote(reference, author, body.strip(), clock.instant());
    }

    /**
     * Everything held about the patient who sent this inquiry: every inquiry with the same email address or phone
     * number, oldest first, with its notes. Empty when there is no such inquiry.
     */
    public List<InquiryDetails> patientRecords(String reference) {
        return inquiries.samePatient(reference).stream()
                .flatMap(each -> inquiries.findDetails(each).stream())
                .toList();
    }

    /**
     * Erases the patient who sent this inquiry: every inquiry with the same email address or phone number, with its
     * notes and its mail waiting in the outbox. Returns the references erased, oldest first.
     */
    public List<String> erasePatient(String reference) {
        List<String> references = inquiries.samePatient(reference);
        inquiries.delete(references);
        return references;
    }

    /** Deletes inquiries received before the cut-off, with their notes and notifications; returns how many. */
    public int deleteReceivedBefore(Instant cutoff) {
        return inquiries.deleteReceivedBefore(cutoff);
    }
}
