package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.site.HttpPages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A patient whose every detail is a string found nowhere else, to look for in the raw bytes a database keeps. */
final class DistinctivePatient {

    static final String NAME = "Zebulon Quartermaine";
    static final String EMAIL = "zebulon.q@distinct.example";
    static final String PHONE = "555 013 4679";
    static final String MESSAGE = "Moonlit xylophone headaches";
    static final String NOTE = "Prefers the ochre waiting room";

    private DistinctivePatient() {}

    /** Sends the inquiry through the real form and returns its reference. */
    static String sendTheForm(int port) {
        HttpPages browser = new HttpPages(port);
        Map<String, List<String>> fields = new LinkedHashMap<>(HttpPages.validInquiry(browser.openForm("/contact")));
        fields.put("name", List.of(NAME));
        fields.put("email", List.of(EMAIL));
        fields.put("phone", List.of(PHONE));
        fields.put("message", List.of(MESSAGE));
        HttpResponse<String> sent = browser.postForm("/contact", fields);
        assertThat(sent.statusCode()).isEqualTo(303);
        return sent.headers().firstValue("Location").orElseThrow().replaceAll(".*reference=([^&]+).*", "$1");
    }

    /** Which of the patient's details (or telltale parts of them) the bytes hold in plain text. */
    static List<String> foundIn(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return List.of(
                        NAME,
                        "Quartermaine",
                        EMAIL,
                        "distinct.example",
                        PHONE,
                        "0134679",
                        MESSAGE,
                        "xylophone",
                        NOTE,
                        "ochre")
                .stream()
                .filter(needle ->
                        text.contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))
                .toList();
    }
}
