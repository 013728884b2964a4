package com.thrivecenter.clinic.site;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** Renders the site's error page outside Spring MVC, for requests the servlet container turned away. */
@Component
public class ErrorPageRenderer {

    private final ITemplateEngine templates;
    private final ThymeleafViewResolver views;

    public ErrorPageRenderer(ITemplateEngine templates, ThymeleafViewResolver views) {
        this.templates = templates;
        this.views = views;
    }

    public String render(int status) {
        // The variables every view gets (clinic details, menu, assets), as in RenderedPages.
        Map<String, Object> variables = new HashMap<>(views.getStaticVariables());
        variables.put("status", status);
        return templates.process("error", new Context(Locale.ENGLISH, variables));
    }

    /**
     * Answers with the error page straight away, for a filter that refuses a request ahead of Spring Security: an
     * error dispatch would lose the security headers, and for a multipart body it would fail to render at all.
     */
    public void send(HttpServletResponse response, int status) throws IOException {
        response.reset();
        response.setStatus(status);
        SecurityHeaders.ALL.forEach(response::setHeader);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write(render(status));
        response.flushBuffer();
    }
}
