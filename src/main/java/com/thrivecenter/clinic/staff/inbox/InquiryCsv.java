package com.thrivecenter.clinic.staff.inbox;

import com.thrivecenter.clinic.inquiry.InquiryDetails;
import com.thrivecenter.clinic.inquiry.PreferredTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.stereotype.Component;

/**
 * Writes inquiries as CSV for a spreadsheet. A cell a spreadsheet would read as a formula (one starting with
 * =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so opening the file runs nothing. Look-alikes
 * count too: full-width signs (＝ ＋ － ＠) and signs behind invisible characters or spaces, which some
 * spreadsheets fold or skip.
 */
@Component
public class InquiryCsv {

    private static final List<String> HEADER = List.of(
            "Reference",
            "Received",
            "Status",
            "Name",
            "Email",
            "Phone",
            "Contact method",
            "Reason",
            "Message",
            "Preferred times",
            "Referred by physician",
            "Notes");

    public void write(List<InquiryDetails> inquiries, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get())) {
            csv.printRecord(HEADER);
            for (InquiryDetails inquiry : inquiries) {
                csv.printRecord(List.of(
                                inquiry.reference(),
                                inquiry.receivedAt().toString(),
                                inquiry.status().name(),
                                inquiry.name(),
                                inquiry.email(),
                                inquiry.phone(),
                                inquiry.contactMethod().label(),
                                inquiry.reason().label(),
                                inquiry.message(),
                                inquiry.preferredTimes().stream()
                                        .map(PreferredTime::label)
                                        .collect(Collectors.joining("; ")),
                                inquiry.referredByPhysician()
                                        .map(yes -> yes ? "Yes" : "No")
                                        .orElse(""),
                                inquiry.notes().stream()
                                        .map(note -> note.author() + ": " + note.body())
                                        .collect(Collectors.joining(" | ")))
                        .stream()
                        .map(InquiryCsv::neutralised)
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String neutralised(String cell) {
        return readsAsFormula(cell) ? "'" + cell : cell;
    }

    private static boolean readsAsFormula(String cell) {
        if (!cell.isEmpty() && "\t\r".indexOf(cell.charAt(0)) >= 0) {
            return true;
        }
        String folded = Normalizer.normalize(cell, Normalizer.Form.NFKC);
        int first = 0;
        while (first < folded.length() && isInvisible(folded.codePointAt(first))) {
            first += Character.charCount(folded.codePointAt(first));
        }
        return first < folded.length() && "=+-@".indexOf(folded.charAt(first)) >= 0;
    }

    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }
}
