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

    public boolean addNote(String reference, String author, String body) {
        return inquiries.insertNote(reference, author, body.strip(), clock.instant()) == 1;
    }

    /** Deletes inquiries received before the cut-off, with their notes and notifications; returns how many. */
    public int deleteReceivedBefore(Instant cutoff) {
        return inquiries.deleteReceivedBefore(cutoff);
    }
}
