package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.content.ContentSnapshot;
import com.thrivecenter.clinic.content.web.Layout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The contact form as it first opens, rendered by its Thymeleaf view once per content snapshot with its two
 * per-request values left open (the CSRF field and the signed form token) and sent to each visitor with fresh ones
 * written in: the document the view would make for that visitor, without rendering it again (about 4 ms of CPU a
 * time when measured by JFR, mostly the layout dialect, since removed, and expressions). A form shown again with
 * what was typed is still rendered per request. The kept page belongs to one snapshot, as in RenderedPages: a
 * newer one renders anew, and a request still holding an older one neither gets nor keeps a newer page.
 */
@Component
class BlankFormPage {

    /** The form's own address, not the request's spelling of it, marks the current menu item in the kept page. */
    private static final String PATH = "/contact";

    private static final String VIEW = "contact";
    private static final String CONTENT_TYPE = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private record Kept(ContentSnapshot content, PageWithHoles page) {}

    private final ThymeleafViewResolver views;
    private final Layout layout;
    private final FormTokens formTokens;
    // Markers no content can guess, so only the holes are ever filled.
    private final String csrfHole = "csrf-hole-" + UUID.randomUUID();
    private final String formTokenHole = "form-token-hole-" + UUID.randomUUID();
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    BlankFormPage(ThymeleafViewResolver views, Layout layout, FormTokens formTokens) {
        this.views = views;
        this.layout = layout;
        this.formTokens = formTokens;
    }

    /**
     * The page of this snapshot, whose model (besides the layout's) {@code model} gives for the form token it is
     * passed. It writes a fresh form token and the request's own CSRF token (its cookie is already set).
     */
    View view(ContentSnapshot content, Function<String, Map<String, Object>> model) {
        return new View() {
            @Override
            public String getContentType() {
                return CONTENT_TYPE;
            }

            @Override
            public void render(Map<String, ?> mvcModel, HttpServletRequest request, HttpServletResponse response)
                    throws Exception {
                PageWithHoles page = page(content, model, mvcModel, request, response);
                response.setContentType(CONTENT_TYPE);
                page.writeTo(
                        response.getOutputStream(),
                        Map.of(csrfHole, csrfToken(request).getToken(), formTokenHole, formTokens.issue()));
            }
        };
    }

    private PageWithHoles page(
            ContentSnapshot content,
            Function<String, Map<String, Object>> model,
            Map<String, ?> mvcModel,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        Kept current = kept.get();
        if (current != null && current.content() == content) {
            return current.page();
        }
        PageWithHoles page = render(content, model, mvcModel, request, response);
        kept.accumulateAndGet(
                new Kept(content, page),
                (old, fresh) ->
                        old == null || old.content().version() < fresh.content().version() ? fresh : old);
        return page;
    }

    /** Renders the view as Spring MVC would, with markers for tokens and the layout of this very snapshot. */
    private PageWithHoles render(
            ContentSnapshot content,
            Function<String, Map<String, Object>> model,
            Map<String, ?> mvcModel,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        Map<String, Object> all = new HashMap<>(mvcModel);
        all.putAll(layout.variables(content, PATH));
        all.putAll(model.apply(formTokenHole));
        // The page has no text that depends on the locale, so one rendering serves every visitor.
        View view = views.resolveViewName(VIEW, RequestContextUtils.getLocale(request));
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Objects.requireNonNull(view, VIEW).render(all, withCsrfHole(request), captured);
        return PageWithHoles.cut(
                new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8), List.of(csrfHole, formTokenHole));
    }

    /** The request as the one rendering sees it: its CSRF token is the hole's marker. */
    private HttpServletRequest withCsrfHole(HttpServletRequest request) {
        CsrfToken real = csrfToken(request);
        CsrfToken hole = new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), csrfHole);
        return new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                return name.equals(CsrfToken.class.getName()) || name.equals(real.getParameterName())
                        ? hole
                        : super.getAttribute(name);
            }
        };
    }

    /** Spring Security gives every request to /contact its token (SecurityConfig). */
    private static CsrfToken csrfToken(HttpServletRequest request) {
        return Objects.requireNonNull(
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()), "the request's CSRF token");
    }
}
