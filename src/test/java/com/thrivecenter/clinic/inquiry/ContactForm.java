package com.thrivecenter.clinic.inquiry;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Fills in the contact form as a browser would: from the page's own hidden fields, in one session. */
final class ContactForm {

    private final MockMvc mvc;
    private final MockHttpSession session = new MockHttpSession();
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private String remoteAddress = "203.0.113.7";
    private String lastRedirect;

    private ContactForm(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Opens /contact and keeps its hidden fields; the fields a patient fills are set with {@link #with}. */
    static ContactForm open(MockMvc mvc) throws Exception {
        ContactForm form = new ContactForm(mvc);
        Document page = Jsoup.parse(mvc.perform(get("/contact").session(form.session)).andReturn().getResponse().getContentAsString());
        form.fields.put("_csrf", List.of(page.select("input[name=_csrf]").val()));
        form.fields.put("formToken", List.of(page.select("input[name=formToken]").val()));
        return form;
    }

    /** A complete, valid inquiry. */
    ContactForm filledIn() {
        return with("name", "Avery Quinn")
                .with("email", "avery.quinn@example.org")
                .with("phone", "+1 (555) 010-0142")
                .with("contactMethod", "EMAIL")
                .with("reason", "MIGRAINE")
                .with("message", "Attacks twice a week since spring.")
                .with("preferredTimes", "monday-morning", "thursday-evening")
                .with("referredByPhysician", "true")
                .with("consent", "true");
    }

    ContactForm with(String field, String... values) {
        fields.put(field, List.of(values));
        return this;
    }

    ContactForm without(String field) {
        fields.remove(field);
        return this;
    }

    ContactForm from(String address) {
        this.remoteAddress = address;
        return this;
    }

    MockHttpSession session() {
        return session;
    }

    MvcResult send() throws Exception {
        MockHttpServletRequestBuilder request = post("/contact").session(session)
                .with(r -> {
                    r.setRemoteAddr(remoteAddress);
                    return r;
                });
        fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        MvcResult result = mvc.perform(request).andReturn();
        lastRedirect = result.getResponse().getRedirectedUrl();
        return result;
    }

    /** Where the last send redirected the patient: the thank-you page with its signed reference. */
    String lastRedirect() {
        return lastRedirect;
    }
}
