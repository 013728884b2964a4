package com.thrivecenter.clinic.staff;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A member of staff signed in through the real sign-in form, making requests in their session: like a browser, it
 * sends back the cookies the site set (the session is the site's own, stored in the database, not MockMvc's).
 */
public final class StaffSession {

    private final MockMvcTester mvc;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    private StaffSession(MockMvcTester mvc, MvcResult signedIn) {
        this.mvc = mvc;
        keepCookies(signedIn);
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
        return new StaffSession(mvc, result);
    }

    public MvcResult get(String path) throws Exception {
        return perform(MockMvcRequestBuilders.get(path));
    }

    public Document page(String path) throws Exception {
        return Jsoup.parse(get(path).getResponse().getContentAsString());
    }

    /** The page a post redirected to, with the message it left for it, as the browser would show it next. */
    public Document follow(MvcResult redirect) throws Exception {
        return Jsoup.parse(
                perform(MockMvcRequestBuilders.get(redirect.getResponse().getRedirectedUrl())
                                .flashAttrs(redirect.getFlashMap()))
                        .getResponse()
                        .getContentAsString());
    }

    /** A form post with the CSRF token, as the staff pages' forms send it. */
    public MvcResult post(String path, String... nameValuePairs) throws Exception {
        return perform(form(path, nameValuePairs).with(csrf()));
    }

    /** The same post without the CSRF token, as a forged request would arrive. */
    public MvcResult postWithoutCsrf(String path, String... nameValuePairs) throws Exception {
        return perform(form(path, nameValuePairs));
    }

    /** A file upload (a multipart form) with the CSRF token. */
    public MvcResult upload(String path, MockMultipartFile file, String... nameValuePairs) throws Exception {
        return perform(uploadForm(path, file, nameValuePairs).with(csrf()));
    }

    /** The same upload without the CSRF token. */
    public MvcResult uploadWithoutCsrf(String path, MockMultipartFile file, String... nameValuePairs) throws Exception {
        return perform(uploadForm(path, file, nameValuePairs));
    }

    private MockMultipartHttpServletRequestBuilder uploadForm(
            String path, MockMultipartFile file, String... nameValuePairs) {
        MockMultipartHttpServletRequestBuilder request =
                MockMvcRequestBuilders.multipart(path).file(file);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request.param(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return request;
    }

    private MockHttpServletRequestBuilder form(String path, String... nameValuePairs) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request.param(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return request;
    }

    private MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        MvcResult result = mvc.perform(request).getMvcResult();
        keepCookies(result);
        return result;
    }

    /** As a browser does: a cookie set replaces the one of that name, a cookie expired is dropped. */
    private void keepCookies(MvcResult result) {
        for (Cookie cookie : result.getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
    }
}
