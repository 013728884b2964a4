package com.thrivecenter.clinic.staff.inbox;

import com.thrivecenter.clinic.inquiry.InquiryDetails;
import com.thrivecenter.clinic.inquiry.PreferredTime;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Everything held about one patient as a JSON file, in words a patient can read, for an access request. */
@Component
public class PatientDataFile {

    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(List<InquiryDetails> inquiries, Writer out) {
        json.writeValue(
                out,
                Map.of(
                        "inquiries",
                        inquiries.stream().map(PatientDataFile::entry).toList()));
    }

    private static Map<String, Object> entry(InquiryDetails inquiry) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("reference", inquiry.reference());
        entry.put("received", inquiry.receivedAt().toString());
        entry.put("status", inquiry.status().label());
        entry.put("name", inquiry.name());
        entry.put("email", inquiry.email());
        entry.put("phone", inquiry.phone());
        entry.put("contactMethod", inquiry.contactMethod().label());
        entry.put("reason", inquiry.reason().label());
        entry.put("message", inquiry.message());
        entry.put(
                "preferredTimes",
                inquiry.preferredTimes().stream().map(PreferredTime::label).toList());
        entry.put("referredByPhysician", inquiry.referredByPhysician().orElse(null));
        entry.put(
                "notes",
                inquiry.notes().stream()
                        .map(note -> Map.of(
                                "author",
                                note.author(),
                                "written",
                                note.createdAt().toString(),
                                "text",
                                note.body()))
                        .toList());
        return entry;
    }
}
