package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Fills in the contact form as a browser would: from the page's own hidden fields, sending back the cookies the
 * site set. It never has a server session: every request asserts that none was started.
 */
final class ContactForm {

    private final MockMvcTester mvc;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private String remoteAddress = "203.0.113.7";
    private String lastRedirect;

    private ContactForm(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** Opens /contact and keeps its hidden fields; the fields a patient fills are set with {@link #with}. */
    static ContactForm open(MockMvcTester mvc) throws Exception {
        ContactForm form = new ContactForm(mvc);
        MvcResult opened = form.perform(get("/contact"));
        form.keepHiddenFields(Jsoup.parse(opened.getResponse().getContentAsString()));
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

    ContactForm withoutCookies() {
        cookies.clear();
        return this;
    }

    ContactForm from(String address) {
        this.remoteAddress = address;
        return this;
    }

    private MultiValueMap<String, String> fields() {
        LinkedMultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
        fields.forEach(sent::addAll);
        return sent;
    }

    /** Takes the hidden fields of a re-shown form, as a browser sending it again would. */
    ContactForm keepHiddenFields(Document page) {
        page.select("form.inquiry input[type=hidden]")
                .forEach(input -> fields.put(input.attr("name"), List.of(input.val())));
        return this;
    }

    MvcResult send() throws Exception {
        MockHttpServletRequestBuilder request = post("/contact").with(r -> {
            r.setRemoteAddr(remoteAddress);
            return r;
        });
        request.params(fields());
        MvcResult result = perform(request);
        lastRedirect = result.getResponse().getRedirectedUrl();
        return result;
    }

    /** Where the last send redirected the patient: the thank-you page with its signed reference. */
    String lastRedirect() {
        return lastRedirect;
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        MvcResult result = mvc.perform(request).getMvcResult();
        assertThat(result.getResponse().getCookie("JSESSIONID"))
                .as("a server session's cookie")
                .isNull();
        for (Cookie cookie : result.getResponse().getCookies()) {
            cookies.put(cookie.getName(), cookie);
        }
        return result;
    }
}
