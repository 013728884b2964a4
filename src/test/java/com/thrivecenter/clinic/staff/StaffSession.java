package com.thrivecenter.clinic.staff;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A member of staff signed in through the real sign-in form, making requests in their session. */
public final class StaffSession {

    private final MockMvcTester mvc;
    private final MockHttpSession session;

    private StaffSession(MockMvcTester mvc, MockHttpSession session) {
        this.mvc = mvc;
        this.session = session;
    }

    public static MvcResult attemptSignIn(MockMvcTester mvc, String email, String password) throws Exception {
        return mvc.perform(formLogin("/staff/login")
                        .userParameter("email")
                        .user(email)
                        .password(password))
                .getMvcResult();
    }

    public static StaffSession signIn(MockMvcTester mvc, String email, String password) throws Exception {
        MvcResult result = attemptSignIn(mvc, email, password);
        if (!"/staff".equals(result.getResponse().getRedirectedUrl())) {
            throw new IllegalStateException(
                    "Sign-in failed for " + email + ": " + result.getResponse().getRedirectedUrl());
        }
        return new StaffSession(mvc, (MockHttpSession) result.getRequest().getSession());
    }

    public MvcResult get(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).session(session)).getMvcResult();
    }

    public Document page(String path) throws Exception {
        return Jsoup.parse(get(path).getResponse().getContentAsString());
    }

    /** The page a post redirected to, with the message it left for it, as the browser would show it next. */
    public Document follow(MvcResult redirect) throws Exception {
        return Jsoup.parse(
                mvc.perform(MockMvcRequestBuilders.get(redirect.getResponse().getRedirectedUrl())
                                .session(session)
                                .flashAttrs(redirect.getFlashMap()))
                        .getMvcResult()
                        .getResponse()
                        .getContentAsString());
    }

    /** A form post with the CSRF token, as the staff pages' forms send it. */
    public MvcResult post(String path, String... nameValuePairs) throws Exception {
        return mvc.perform(form(path, nameValuePairs).with(csrf())).getMvcResult();
    }

    /** The same post without the CSRF token, as a forged request would arrive. */
    public MvcResult postWithoutCsrf(String path, String... nameValuePairs) throws Exception {
        return mvc.perform(form(path, nameValuePairs)).getMvcResult();
    }

    /** A file upload (a multipart form) with the CSRF token. */
    public MvcResult upload(String path, MockMultipartFile file, String... nameValuePairs) throws Exception {
        return mvc.perform(uploadForm(path, file, nameValuePairs).with(csrf())).getMvcResult();
    }

    /** The same upload without the CSRF token. */
    public MvcResult uploadWithoutCsrf(String path, MockMultipartFile file, String... nameValuePairs) throws Exception {
        return mvc.perform(uploadForm(path, file, nameValuePairs)).getMvcResult();
    }

    private MockMultipartHttpServletRequestBuilder uploadForm(
            String path, MockMultipartFile file, String... nameValuePairs) {
        MockMultipartHttpServletRequestBuilder request =
                MockMvcRequestBuilders.multipart(path).file(file);
        request.session(session);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request.param(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return request;
    }

    private MockHttpServletRequestBuilder form(String path, String... nameValuePairs) {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post(path).session(session);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request.param(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return request;
    }
}
